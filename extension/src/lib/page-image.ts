/**
 * What the content script and the side panel say about a page's images. The content script
 * imports only types from here and mirrors the constants it needs (see content/collect.ts).
 *
 * The work is split so that the page's main thread does as little as possible: the content
 * script only reads the DOM (`RawImage`), the side panel turns that into `PageImage`s (URL
 * resolution, srcset choice, placeholders, duplicates) in its own process.
 */

/** Images smaller than this (CSS px, either side) are icons, avatars or tracking pixels. */
export const MIN_SIDE = 40;
/**
 * Elements smaller than this (CSS px, either side) are not asked for a background image: below
 * it backgrounds are icons, sprites, avatars and button skins (design systems' largest avatars
 * are 56–64 px), and skipping them spares most of the style reads on a page.
 */
export const MIN_BACKGROUND_SIDE = 80;
/** `data:` URLs shorter than this are lazy-load placeholders (blurred stubs, 1×1 GIFs, SVGs). */
export const MIN_DATA_URL = 4096;
/** Upper bound on the images one listing carries, whatever the page. */
export const MAX_IMAGES = 5000;
/** Longest alt text kept. */
export const MAX_ALT = 300;
/** Lazy-load attributes, in the order they are trusted. */
export const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original'] as const;

/**
 * One visible, large enough image as the content script reads it — an `<img>` (also inside an
 * open shadow root) or an element with a CSS background image: strings as the page wrote them.
 */
export interface RawImage {
  /** `currentSrc`: absolute, what the browser shows; '' while nothing is loaded (lazy images). */
  current: string;
  /** The `src` attribute as written, read only when `current` is ''. */
  src: string;
  /**
   * Only on images that may have better sources. Srcset lists in priority order: the image's
   * `data-srcset` and `srcset`, then its `<picture>`'s `<source>`s.
   */
  srcsets?: string[];
  /** Lazy-load attribute values, in `LAZY_ATTRS` order. */
  lazy?: string[];
  /** Natural size of what is loaded (0 when nothing is). */
  naturalWidth: number;
  naturalHeight: number;
  /** Layout size in CSS pixels. */
  displayWidth: number;
  displayHeight: number;
  alt: string;
  /**
   * CSS backgrounds only: the computed `background-image` (absolute `url(…)`s, possibly
   * `image-set(…)` and gradients, one entry per layer), with the layers' computed
   * `background-repeat` and `background-size`. `current` and `src` are '' then.
   */
  css?: string;
  repeat?: string;
  size?: string;
}

/** One image found on the page, as the side panel shows it. */
export interface PageImage {
  /** Best URL for the model: largest srcset candidate, lazy-load attribute, or current source. */
  src: string;
  /** What the page displays (already loaded by the page): used for the grid thumbnail. */
  thumb: string;
  /**
   * Pixel size of the image at `src` (what will be sent); 0 while unknown (a lazy image not
   * loaded yet, a higher-density srcset candidate the page has not loaded).
   */
  width: number;
  height: number;
  /** Displayed size in CSS pixels. */
  displayWidth: number;
  displayHeight: number;
  alt: string;
  /** A CSS background image (its pixel size is learnt when the panel loads it). */
  background?: boolean;
}

/** Content script answers. `ms` is the time the listing took on the page's main thread. */
export type ListImagesReply = { ok: true; base: string; images: RawImage[]; ms: number };
export type ReadImageReply =
  { ok: true; dataUrl: string } | { ok: false; reason: 'image-too-large' | 'image-unreadable' };
