/** Reading the source image the person chose: a file (drop, paste, picker) or an http(s) URL. */
import type { ImageSource } from '@mimicit/shared';

export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** What the page holds: the wire form plus what to preview. Never uploaded anywhere but the callable. */
export interface ChosenSource {
  source: ImageSource;
  previewUrl: string;
  label: string;
}

export class SourceError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'SourceError';
  }
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new SourceError('generate.notAnImage'));
    reader.readAsDataURL(file);
  });
}

/** Validates and reads an image file into a data URL. */
export async function sourceFromFile(file: File): Promise<ChosenSource> {
  if (!ACCEPTED.includes(file.type)) throw new SourceError('generate.notAnImage');
  // The server refuses it too, but only after the person has waited for a round trip.
  if (file.size === 0) throw new SourceError('generate.emptyFile');
  if (file.size > MAX_SOURCE_BYTES) throw new SourceError('generate.tooLarge');
  const dataUrl = await readAsDataUrl(file);
  return { source: { dataUrl }, previewUrl: dataUrl, label: file.name || 'image' };
}

/** Validates an image address typed or pasted by the person (the server fetches it safely). */
export function sourceFromUrl(text: string): ChosenSource {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SourceError('generate.badUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError('generate.badUrl');
  return { source: { url: url.href }, previewUrl: url.href, label: url.host };
}

/**
 * One of the person's own generated images as a reference: its bytes, inline (the server fetches
 * only public addresses, and a Storage address is the person's private file). An image past the
 * inline limit (a large PNG) is sent as a JPEG of the same pixels.
 */
export async function sourceFromBlob(blob: Blob, label: string): Promise<ChosenSource> {
  let bytes = blob;
  if (bytes.size > MAX_SOURCE_BYTES) {
    const { convertImage } = await import('./image-convert');
    bytes = await convertImage(blob, 'image/jpeg', 0.9);
    if (bytes.size > MAX_SOURCE_BYTES) throw new SourceError('generate.tooLarge');
  }
  const dataUrl = await readAsDataUrl(bytes);
  return { source: { dataUrl }, previewUrl: dataUrl, label };
}
