/**
 * Turns what the content script read (`RawImage`) into the images the side panel lists. Runs in
 * the side panel's process, off the page's main thread. Page strings are untrusted: only
 * http(s), blob and real (large) data: URLs come out.
 */
import { backgroundUrl } from './css-image';
import { MAX_IMAGES, MIN_DATA_URL, MIN_SIDE, type PageImage, type RawImage } from './page-image';
import { largestCandidate, parseSrcset } from './srcset';

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

/** The largest usable candidate of a srcset (parsed as the HTML standard says), or null. */
export function bestSrcsetCandidate(
  srcset: string | null | undefined,
  base: string,
): { url: string; width?: number } | null {
  if (!srcset) return null;
  const best = largestCandidate(parseSrcset(srcset), (c) => absoluteUrl(c.url, base) !== '');
  return best ? { url: absoluteUrl(best.url, base), width: best.width } : null;
}

/**
 * The pixel size of the image that will be sent, or 0×0 while it is unknown: what is loaded
 * when that is what will be sent; for a wider srcset candidate, its `w` width with the loaded
 * image's proportions (a srcset lists one picture at several sizes); otherwise unknown (a
 * density candidate's pixels, a lazy image not loaded yet).
 */
function sentSize(
  image: RawImage,
  loadedUrl: string,
  src: string,
  width: number | undefined,
): { width: number; height: number } {
  const { naturalWidth: w, naturalHeight: h } = image;
  if (w > 0 && h > 0 && src === loadedUrl) return { width: w, height: h };
  if (width && w > 0 && h > 0) return { width, height: Math.round((width * h) / w) };
  return { width: 0, height: 0 };
}

/**
 * A CSS background as the panel lists it, or null (a pattern, no usable URL). Its pixel size is
 * unknown until the panel loads it (the grid learns it then).
 */
function resolveBackground(image: RawImage, base: string): PageImage | null {
  const src = absoluteUrl(backgroundUrl(image.css ?? '', image.repeat, image.size) ?? '', base);
  if (!src) return null;
  const { displayWidth, displayHeight } = image;
  return { src, thumb: src, width: 0, height: 0, displayWidth, displayHeight, alt: '', background: true };
}

/** The page's images, deduplicated by URL, in document order. */
export function resolveImages(raw: readonly RawImage[], base: string): PageImage[] {
  const seen = new Set<string>();
  const out: PageImage[] = [];
  for (const image of raw) {
    if (image.css !== undefined) {
      const background = resolveBackground(image, base);
      if (!background || seen.has(background.src)) continue;
      seen.add(background.src);
      out.push(background);
      if (out.length >= MAX_IMAGES) break;
      continue;
    }
    const loaded = absoluteUrl(image.current, base);
    const thumb = loaded || absoluteUrl(image.src, base);
    let source = '';
    let sourceWidth: number | undefined;
    for (const list of image.srcsets ?? []) {
      if (source) break;
      const best = bestSrcsetCandidate(list, base);
      if (best) [source, sourceWidth] = [best.url, best.width];
    }
    for (const value of image.lazy ?? []) source ||= absoluteUrl(value, base);
    const small = image.naturalWidth < MIN_SIDE || image.naturalHeight < MIN_SIDE;
    // A loaded icon or tracking pixel, unless it is a lazy image's placeholder.
    if (small && image.naturalWidth > 0 && !source) continue;
    const src = source || thumb;
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const { width, height } = small ? { width: 0, height: 0 } : sentSize(image, loaded, src, sourceWidth);
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
