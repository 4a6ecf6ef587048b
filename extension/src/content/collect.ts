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

/**
 * A usable URL or ''. Absolute URLs are taken as they are (parsing 2,000 URLs costs more than
 * the rest of the listing); `resolved` values (currentSrc) are never relative.
 */
function absolute(raw: string | null | undefined, base: string, resolved = false): string {
  const value = raw?.trim();
  if (!value) return '';
  if (value.startsWith('data:')) return value.length < MIN_DATA_URL ? '' : value;
  if (ABSOLUTE.test(value)) return value;
  if (resolved) return '';
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
  for (const part of (srcset ?? '').split(/,\s+/)) {
    const [raw, descriptor] = part.trim().split(/\s+/);
    const url = absolute(raw, base);
    const score = parseFloat(descriptor ?? '') || 1;
    if (url && score > bestScore) [best, bestScore] = [url, score];
  }
  return best;
}

function srcsets(img: HTMLImageElement): string[] {
  const sets = [img.getAttribute('data-srcset'), img.getAttribute('srcset')];
  const picture = img.parentElement;
  if (picture?.tagName === 'PICTURE') {
    for (const source of picture.querySelectorAll('source')) {
      sets.push(source.getAttribute('data-srcset'), source.getAttribute('srcset'));
    }
  }
  return sets.filter((set): set is string => !!set);
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
    let src = '';
    for (const set of srcsets(img)) src ||= bestSrcsetCandidate(set, base);
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
