/** One image found on the page by the content script (types only: the content script imports nothing). */
export interface PageImage {
  /** Best URL for the model: largest srcset candidate, lazy-load attribute, or current source. */
  src: string;
  /** What the page displays (already loaded by the page): used for the grid thumbnail. */
  thumb: string;
  /** Natural size in pixels; 0 when not loaded yet (lazy images). */
  width: number;
  height: number;
  /** Displayed size in CSS pixels. */
  displayWidth: number;
  displayHeight: number;
  alt: string;
}

/** Content script answers. */
export type ListImagesReply = { ok: true; images: PageImage[]; ms: number };
export type ReadImageReply =
  { ok: true; dataUrl: string } | { ok: false; reason: 'image-too-large' | 'image-unreadable' };
