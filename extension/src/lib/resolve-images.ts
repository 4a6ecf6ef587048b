/**
 * Turns what the content script read (`RawImage`) into the images the side panel lists. Runs in
 * the side panel's process, off the page's main thread. Page strings are untrusted: only
 * http(s), blob and real (large) data: URLs come out.
 */
import { MAX_IMAGES, MIN_DATA_URL, MIN_SIDE, type PageImage, type RawImage } from './page-image';

/** Same bound as the read-image request and the server's URL field. */
const MAX_URL = 2048;

/** A usable absolute URL for `raw` as the browser would resolve it against `base`, or ''. */
export function absoluteUrl(raw: string | undefined, base: string): string {
  const value = raw?.trim();
  if (!value) return '';
  if (value.startsWith('data:')) return value.length < MIN_DATA_URL ? '' : value;
  try {
    const url = new URL(value, base);
    return /^(https?|blob):$/.test(url.protocol) && url.href.length <= MAX_URL ? url.href : '';
  } catch {
    return '';
  }
}

/** The candidate with the largest width (`800w`) or density (`2x`) descriptor, or ''. */
export function bestSrcsetCandidate(srcset: string | null | undefined, base: string): string {
  let best = '';
  let bestScore = -1;
  if (!srcset) return best;
  for (const part of srcset.split(/,\s+/)) {
    const [raw, descriptor] = part.trim().split(/\s+/);
    const url = absoluteUrl(raw, base);
    const score = parseFloat(descriptor ?? '') || 1;
    if (url && score > bestScore) [best, bestScore] = [url, score];
  }
  return best;
}

/** The page's images, deduplicated by URL, in document order. */
export function resolveImages(raw: readonly RawImage[], base: string): PageImage[] {
  const seen = new Set<string>();
  const out: PageImage[] = [];
  for (const image of raw) {
    const thumb = absoluteUrl(image.current, base) || absoluteUrl(image.src, base);
    let source = '';
    for (const list of image.srcsets ?? []) source ||= bestSrcsetCandidate(list, base);
    for (const value of image.lazy ?? []) source ||= absoluteUrl(value, base);
    let width = image.naturalWidth;
    let height = image.naturalHeight;
    if (width < MIN_SIDE || height < MIN_SIDE) {
      // A loaded icon or tracking pixel, unless it is a lazy image's placeholder.
      if (width > 0 && !source) continue;
      width = height = 0;
    }
    const src = source || thumb;
    if (!src || seen.has(src)) continue;
    seen.add(src);
    out.push({
      src,
      thumb: thumb || src,
      width,
      height,
      displayWidth: image.displayWidth,
      displayHeight: image.displayHeight,
      alt: image.alt,
    });
    if (out.length >= MAX_IMAGES) break;
  }
  return out;
}
