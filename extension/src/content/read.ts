/**
 * Reads the bytes of an image the server cannot fetch (page-made `blob:`/`data:` URLs,
 * hotlink-protected files): from the page context first, else from the already-decoded
 * `<img>` through a canvas. Same 10 MB limit as the server's inline images.
 */
import type { ReadImageReply } from '../lib/page-image';

/** Mirrors `LIMITS.maxInlineImageBytes` (checked by a unit test; no import keeps this file tiny). */
export const MAX_BYTES = 10 * 1024 * 1024;

const TOO_LARGE: ReadImageReply = { ok: false, reason: 'image-too-large' };
const UNREADABLE: ReadImageReply = { ok: false, reason: 'image-unreadable' };

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function fromCanvas(url: string): ReadImageReply {
  for (const img of document.images) {
    if (img.currentSrc !== url || !img.naturalWidth) continue;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')?.drawImage(img, 0, 0);
    // Throws on a cross-origin (tainted) canvas; the caller turns that into "unreadable".
    const dataUrl = canvas.toDataURL('image/png');
    return dataUrl.length * 0.75 > MAX_BYTES ? TOO_LARGE : { ok: true, dataUrl };
  }
  return UNREADABLE;
}

/** The image at `url` as a data URL, or why it cannot be read. */
export async function readImage(url: string): Promise<ReadImageReply> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error();
    if (Number(res.headers.get('content-length')) > MAX_BYTES) return TOO_LARGE;
    const blob = await res.blob();
    if (blob.size > MAX_BYTES) return TOO_LARGE;
    if (!blob.type.startsWith('image/')) return UNREADABLE;
    return { ok: true, dataUrl: await toDataUrl(blob) };
  } catch {
    try {
      return fromCanvas(url);
    } catch {
      return UNREADABLE;
    }
  }
}
