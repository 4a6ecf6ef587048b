/**
 * Turns untrusted image bytes into a small, well-formed JPEG or PNG a provider accepts.
 * The type comes from magic bytes (never from a header), the decoder runs with a pixel limit,
 * animated images keep their first frame, EXIF orientation is applied and metadata dropped.
 */
import type { Metadata } from 'sharp';
import { LIMITS } from '@mimicit/shared';
import { domainError } from '../../lib/errors.js';
import { sniffImageType, type SniffedType } from './sniff.js';

export interface NormalizedImage {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** Size of the source before resizing (for `--ar` and preview prompts). */
  sourceWidth: number;
  sourceHeight: number;
  sourceType: SniffedType;
  /** True when the source had more than one frame and only the first was kept. */
  firstFrameOnly: boolean;
}

export interface NormalizeOptions {
  /** Longest side of the output. */
  maxSide: number;
  /** Largest output the provider accepts; JPEG quality steps down until it fits. */
  maxBytes?: number;
  maxPixels?: number;
}

const unsupported = () =>
  domainError(
    'invalid-argument',
    'image-unsupported-type',
    'This file is not a supported image. Use JPEG, PNG, WebP, GIF or AVIF.',
  );
const unreadable = () =>
  domainError('invalid-argument', 'image-unreadable', 'This image is damaged or could not be read.');
const tooLarge = (what: string) => domainError('invalid-argument', 'image-too-large', what);

/** Sniffs, decodes under limits and resizes; throws a precise `DomainError` for bad input. */
export async function normalizeImage(input: Uint8Array, options: NormalizeOptions): Promise<NormalizedImage> {
  if (input.length > LIMITS.maxInlineImageBytes) throw tooLarge('The image is larger than 10 MB.');
  const sourceType = sniffImageType(input);
  if (!sourceType) throw unsupported();
  const { default: sharp } = await import('sharp');
  const maxPixels = options.maxPixels ?? LIMITS.maxSourcePixels;
  const open = () =>
    sharp(input, { limitInputPixels: maxPixels, failOn: 'error', animated: false, pages: 1 });

  let meta: Metadata;
  try {
    meta = await open().metadata();
  } catch (err) {
    throw mapSharpError(err);
  }
  if (!meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > maxPixels) {
    throw tooLarge(`The image has too many pixels (limit ${Math.round(maxPixels / 1e6)} megapixels).`);
  }
  // EXIF orientations 5–8 swap the axes.
  const swapped = (meta.orientation ?? 1) >= 5;
  const sourceWidth = swapped ? meta.height : meta.width;
  const sourceHeight = swapped ? meta.width : meta.height;
  const keepAlpha = meta.hasAlpha === true;

  const render = async (quality: number) => {
    const pipeline = open()
      .rotate()
      .resize({ width: options.maxSide, height: options.maxSide, fit: 'inside', withoutEnlargement: true });
    const out = keepAlpha
      ? pipeline.png({ compressionLevel: 6 })
      : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false });
    return out.toBuffer({ resolveWithObject: true });
  };

  try {
    let quality = 90;
    let result = await render(quality);
    while (options.maxBytes && result.data.length > options.maxBytes && !keepAlpha && quality > 50) {
      quality -= 15;
      result = await render(quality);
    }
    if (options.maxBytes && result.data.length > options.maxBytes) {
      throw tooLarge('The image is too large for this model even after resizing.');
    }
    return {
      bytes: result.data,
      contentType: keepAlpha ? 'image/png' : 'image/jpeg',
      width: result.info.width,
      height: result.info.height,
      sourceWidth,
      sourceHeight,
      sourceType,
      firstFrameOnly: (meta.pages ?? 1) > 1,
    };
  } catch (err) {
    throw mapSharpError(err);
  }
}

function mapSharpError(err: unknown): Error {
  if (err instanceof Error && err.name === 'DomainError') return err;
  const message = err instanceof Error ? err.message : '';
  if (/pixel limit/i.test(message)) return tooLarge('The image has too many pixels.');
  if (/unsupported image format/i.test(message)) return unsupported();
  return unreadable();
}
