/**
 * Reads the page's candidate images for the side panel: image elements (also inside open shadow
 * roots) and elements painted with a CSS background image — their URL, size and alt attribute,
 * plus a background's repeat and size, never page text, form values, cookies or storage.
 * Everything that does not need the DOM (URL resolution, srcset and image-set choice, patterns,
 * placeholders, duplicates) is left to the side panel (`lib/resolve-images.ts`), so the page's
 * main thread does as little as possible.
 */
import type { RawImage } from '../lib/page-image';

// Mirrors of the constants in lib/page-image.ts, checked equal by a unit test. Importing values
// from a module the side panel also uses would make the bundler put them in a shared chunk, and
// the content script must stay one file with no imports.
export const MIN_SIDE = 40;
export const MIN_BACKGROUND_SIDE = 80;
export const MAX_IMAGES = 5000;
export const MAX_ALT = 300;
export const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original'];

const VISIBILITY = { opacityProperty: true, visibilityProperty: true };
/** Images that may have a better source than the one displayed (one selector match for all). */
const MAY_HAVE_SOURCES = `img[srcset],img[data-srcset],${LAZY_ATTRS.map((a) => `img[${a}]`).join()},picture>img`;

function isHidden(el: Element): boolean {
  // checkVisibility (Chromium) also sees hidden/transparent ancestors.
  if (el.checkVisibility) return !el.checkVisibility(VISIBILITY);
  const style = getComputedStyle(el);
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

/**
 * An element painted with a CSS background image, or null. Unlike `read`, the style comes first:
 * every element is a candidate here, and one computed `background-image` read (about 0.7 µs in
 * Chromium, "none" for nearly all) is cheaper than a layout read (about 0.9 µs, and more on
 * inline elements), so only elements with a `url(…)` background pay for their box, visibility,
 * repeat and size. `offsetWidth` is undefined on SVG elements, hence the negated test. The
 * computed value holds absolute URLs; the side panel picks the image and drops patterns.
 */
function readBackground(el: HTMLElement): RawImage | null {
  const style = getComputedStyle(el);
  const css = style.backgroundImage;
  if (!css.includes('url(')) return null;
  const displayWidth = el.offsetWidth;
  if (!(displayWidth >= MIN_BACKGROUND_SIDE)) return null;
  const displayHeight = el.offsetHeight;
  if (displayHeight < MIN_BACKGROUND_SIDE || isHidden(el)) return null;
  return {
    current: '',
    src: '',
    css,
    repeat: style.backgroundRepeat,
    size: style.backgroundSize,
    naturalWidth: 0,
    naturalHeight: 0,
    displayWidth,
    displayHeight,
    alt: '',
  };
}

/** Reads `root`'s elements in document order, descending into open shadow roots where they sit. */
function scan(root: Document | ShadowRoot, out: RawImage[]): void {
  const mayHaveSources = new Set(root.querySelectorAll(MAY_HAVE_SOURCES));
  const all = root.nodeType === 9 ? (root as Document).getElementsByTagName('*') : root.querySelectorAll('*');
  for (let i = 0, n = all.length; i < n && out.length < MAX_IMAGES; i++) {
    const el = all[i] as HTMLElement;
    if (el.localName === 'img') {
      const image = read(el as HTMLImageElement, mayHaveSources);
      if (image) out.push(image);
      continue; // an <img> cannot host a shadow root
    }
    const image = readBackground(el);
    if (image) out.push(image);
    if (el.shadowRoot) scan(el.shadowRoot, out);
  }
}

/** Every visible, large enough image of `doc` (elements and CSS backgrounds), in document order. */
export function readImages(doc: Document): RawImage[] {
  const out: RawImage[] = [];
  scan(doc, out);
  return out;
}
