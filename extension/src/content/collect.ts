/**
 * Lists the page's meaningful images for the side panel. Reads image elements and their
 * URL/size/alt attributes only: never page text, form values, cookies or storage.
 * Plain TypeScript with no imports so the content script stays tiny (budget: 2 KB gzip).
 */
import type { PageImage } from '../lib/page-image';

/** Images smaller than this (CSS px, either side) are icons, avatars or tracking pixels. */
export const MIN_SIDE = 40;
/** `data:` URLs shorter than this are lazy-load placeholders (blurred stubs, 1×1 GIFs, SVGs). */
export const MIN_DATA_URL = 4096;
/** Upper bound on what one answer carries, whatever the page. */
export const MAX_IMAGES = 5000;

const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original'];
const VISIBILITY = { opacityProperty: true, visibilityProperty: true };
const ABSOLUTE = /^(https?|blob):/;
/** Characters that need URL parsing (encoding) when found in a root-relative path. */
const NEEDS_PARSING = /[^\w\-.~%/?&=+@:,;!$*'()#]/;

let cachedBase = '';
let cachedOrigin = '';
function originOf(base: string): string {
  if (base !== cachedBase) [cachedBase, cachedOrigin] = [base, new URL(base).origin];
  return cachedOrigin;
}

/**
 * A usable URL or ''. Absolute URLs are taken as they are and simple root-relative ones joined
 * to the origin (parsing 2,000 URLs costs as much as the rest of the listing); `resolved`
 * values (currentSrc) are never relative.
 */
function absolute(raw: string | null | undefined, base: string, resolved = false): string {
  const value = raw?.trim();
  if (!value) return '';
  if (value.startsWith('data:')) return value.length < MIN_DATA_URL ? '' : value;
  if (ABSOLUTE.test(value)) return value;
  if (resolved) return '';
  // Root-relative, no dot segments, plain characters: joined to the origin without parsing.
  if (
    value[0] === '/' &&
    value[1] !== '/' &&
    !value.includes('/.') &&
    !NEEDS_PARSING.test(value) &&
    /^https?:/.test(base)
  ) {
    return originOf(base) + value;
  }
  try {
    const url = new URL(value, base);
    return /^(https?|blob):$/.test(url.protocol) ? url.href : '';
  } catch {
    return '';
  }
}

/** The candidate with the largest width (`800w`) or density (`2x`) descriptor. */
export function bestSrcsetCandidate(srcset: string | null, base: string): string {
  let best = '';
  let bestScore = -1;
  if (!srcset) return best;
  for (const part of srcset.split(/,\s+/)) {
    const [raw, descriptor] = part.trim().split(/\s+/);
    const url = absolute(raw, base);
    const score = parseFloat(descriptor ?? '') || 1;
    if (url && score > bestScore) [best, bestScore] = [url, score];
  }
  return best;
}

/** The best candidate of the image's own srcsets, then of its `<picture>` sources. */
function fromSrcsets(img: HTMLImageElement, base: string): string {
  let src =
    bestSrcsetCandidate(img.getAttribute('data-srcset'), base) ||
    bestSrcsetCandidate(img.getAttribute('srcset'), base);
  const picture = img.parentElement;
  if (!src && picture?.tagName === 'PICTURE') {
    for (const source of picture.querySelectorAll('source')) {
      src ||= bestSrcsetCandidate(source.getAttribute('data-srcset') ?? source.getAttribute('srcset'), base);
    }
  }
  return src;
}

function isHidden(img: HTMLImageElement): boolean {
  // checkVisibility (Chromium) also sees hidden/transparent ancestors.
  if (img.checkVisibility) return !img.checkVisibility(VISIBILITY);
  const style = getComputedStyle(img);
  return style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) === 0;
}

/** Every visible, non-trivial image of `doc`, deduplicated by URL, in document order. */
export function collectImages(doc: Document): PageImage[] {
  const base = doc.baseURI;
  const seen = new Set<string>();
  const out: PageImage[] = [];
  for (const img of doc.querySelectorAll('img')) {
    const rect = img.getBoundingClientRect();
    if (rect.width < MIN_SIDE || rect.height < MIN_SIDE) continue;
    const thumb = absolute(img.currentSrc, base, true) || absolute(img.getAttribute('src'), base);
    // A lazy image still showing its placeholder has the placeholder's natural size: ignore it.
    const known = !!thumb && img.complete && img.naturalWidth > 0;
    if (known && (img.naturalWidth < MIN_SIDE || img.naturalHeight < MIN_SIDE)) continue;
    if (isHidden(img)) continue;
    let src = fromSrcsets(img, base);
    for (const name of LAZY_ATTRS) src ||= absolute(img.getAttribute(name), base);
    src ||= thumb;
    if (!src || seen.has(src)) continue;
    seen.add(src);
    out.push({
      src,
      thumb: thumb || src,
      width: known ? img.naturalWidth : 0,
      height: known ? img.naturalHeight : 0,
      displayWidth: Math.round(rect.width),
      displayHeight: Math.round(rect.height),
      alt: (img.getAttribute('alt') ?? '').slice(0, 300),
    });
    if (out.length >= MAX_IMAGES) break;
  }
  return out;
}
