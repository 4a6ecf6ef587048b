/**
 * What an image dragged onto the side panel is. Chromium gives a dragged page image as
 * `text/html` (`<img src=…>`, inside its link if it has one) and `text/uri-list` (the image's
 * address, or the link's when it is inside one), and a file dragged from the desktop as a file.
 * The panel takes the image's own address from the HTML first (a link's address is a page, not
 * a picture), then an address that is a known page image or looks like an image file. Parsing
 * uses DOMParser, which neither runs scripts nor loads anything.
 */
import { bestSrcsetCandidate, absoluteUrl } from './resolve-images';

/** What the panel reads off a drop (`DataTransfer` is only readable during the drop event). */
export interface DropData {
  uriList: string;
  html: string;
  /** Files dropped (from the desktop or the file manager). */
  files: readonly File[];
}

export type DropVerdict =
  | { ok: true; url: string }
  | { ok: true; file: File }
  | { ok: false; reason: 'not-image' | 'image-too-large' };

/** Same limit as the server's inline images. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const IMAGE_PATH = /\.(avif|bmp|gif|jpe?g|png|svg|webp)$/i;

/** The first address of a `text/uri-list` (lines starting with `#` are comments). */
function firstUri(list: string): string {
  return (
    list
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('#')) ?? ''
  );
}

/** The best address of the first `<img>` in dragged HTML, or ''. */
function imageInHtml(html: string, base: string): string {
  if (!html) return '';
  const img = new DOMParser().parseFromString(html, 'text/html').querySelector('img');
  if (!img) return '';
  const fromSrcset = bestSrcsetCandidate(img.getAttribute('srcset'), base)?.url;
  return fromSrcset || absoluteUrl(img.getAttribute('src') ?? '', base);
}

function looksLikeImage(url: string): boolean {
  if (url.startsWith('data:image/')) return true;
  try {
    return IMAGE_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * The image a drop carries, or why it is refused. `isPageImage` says whether an address is one
 * the content script listed (then it is an image whatever its name).
 */
export function readDrop(data: DropData, base: string, isPageImage: (url: string) => boolean): DropVerdict {
  const fromHtml = imageInHtml(data.html, base);
  if (fromHtml) return { ok: true, url: fromHtml };
  const uri = absoluteUrl(firstUri(data.uriList), base);
  if (uri && (isPageImage(uri) || looksLikeImage(uri))) return { ok: true, url: uri };
  const file = data.files.find((f) => f.type.startsWith('image/'));
  if (file) return file.size > MAX_FILE_BYTES ? { ok: false, reason: 'image-too-large' } : { ok: true, file };
  return { ok: false, reason: 'not-image' };
}

/** Whether a drag carries something the panel may accept (checked while dragging over it). */
export function mayBeImage(types: readonly string[]): boolean {
  return types.some((t) => t === 'text/uri-list' || t === 'text/html' || t === 'Files');
}
