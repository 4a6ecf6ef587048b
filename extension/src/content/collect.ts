/**
 * Reads the page's candidate images for the side panel: image elements' URL, size and alt
 * attributes only, never page text, form values, cookies or storage. Everything that does not
 * need the DOM (URL resolution, srcset choice, placeholders, duplicates) is left to the side
 * panel (`lib/resolve-images.ts`), so the page's main thread does as little as possible.
 */
import type { RawImage } from '../lib/page-image';

// Mirrors of the constants in lib/page-image.ts, checked equal by a unit test. Importing values
// from a module the side panel also uses would make the bundler put them in a shared chunk, and
// the content script must stay one file with no imports.
export const MIN_SIDE = 40;
export const MAX_IMAGES = 5000;
export const MAX_ALT = 300;
export const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original'];

const VISIBILITY = { opacityProperty: true, visibilityProperty: true };
/** Images that may have a better source than the one displayed (one selector match for all). */
const MAY_HAVE_SOURCES = `img[srcset],img[data-srcset],${LAZY_ATTRS.map((a) => `img[${a}]`).join()},picture>img`;

function isHidden(img: HTMLImageElement): boolean {
  // checkVisibility (Chromium) also sees hidden/transparent ancestors.
  if (img.checkVisibility) return !img.checkVisibility(VISIBILITY);
  const style = getComputedStyle(img);
  return style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) === 0;
}

/** The srcset lists of an image and of its `<picture>`, in priority order. */
function srcsetsOf(img: HTMLImageElement): string[] {
  const lists = [img.getAttribute('data-srcset'), img.getAttribute('srcset')];
  const picture = img.parentElement;
  if (picture?.tagName === 'PICTURE') {
    for (const source of picture.querySelectorAll('source')) {
      lists.push(source.getAttribute('data-srcset') ?? source.getAttribute('srcset'));
    }
  }
  return lists.filter((list) => list !== null);
}

/**
 * One image as read, or null when it is too small or hidden. Its own small function so that V8
 * optimises it within the first listing.
 *
 * Cost: each layout or style read (`offsetWidth`, `offsetHeight`, `checkVisibility`) is a forced
 * lifecycle check of under 1 µs in Chromium whatever it returns, and they make up most of the
 * time, so nothing that can be skipped is read before the size filter. `offsetWidth` and
 * `offsetHeight` give the layout size (before CSS transforms) without allocating a DOMRect as
 * `getBoundingClientRect` would.
 */
function read(img: HTMLImageElement, mayHaveSources: Set<Element>): RawImage | null {
  const displayWidth = img.offsetWidth;
  if (displayWidth < MIN_SIDE) return null;
  const displayHeight = img.offsetHeight;
  if (displayHeight < MIN_SIDE || isHidden(img)) return null;
  // Nothing current means nothing loaded (a lazy image not yet in view): no natural size to read.
  const current = img.currentSrc;
  const image: RawImage = {
    current,
    src: current ? '' : (img.getAttribute('src') ?? ''),
    naturalWidth: current ? img.naturalWidth : 0,
    naturalHeight: current ? img.naturalHeight : 0,
    displayWidth,
    displayHeight,
    alt: (img.getAttribute('alt') ?? '').slice(0, MAX_ALT),
  };
  if (mayHaveSources.has(img)) {
    image.srcsets = srcsetsOf(img);
    image.lazy = LAZY_ATTRS.map((name) => img.getAttribute(name) ?? '');
  }
  return image;
}

/** Every visible image of `doc` at least MIN_SIDE on both sides, in document order. */
export function readImages(doc: Document): RawImage[] {
  const mayHaveSources = new Set(doc.querySelectorAll(MAY_HAVE_SOURCES));
  const out: RawImage[] = [];
  const images = doc.getElementsByTagName('img');
  for (let i = 0, n = images.length; i < n && out.length < MAX_IMAGES; i++) {
    const image = read(images[i]!, mayHaveSources);
    if (image) out.push(image);
  }
  return out;
}
