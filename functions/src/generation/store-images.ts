/**
 * Saving a provider's images: each one is checked (a real JPEG/PNG/WebP, of the size the request
 * paid for) and gets a small WebP thumbnail, before any file is written; then image and thumbnail
 * are saved side by side (`{id}-{n}.{ext}`, `{id}-{n}.thumb.webp`). A failure part-way deletes
 * what was written, so a failed generation leaves no files behind.
 */
import { storagePaths, type AspectRatio, type GeneratedImage, type Resolution } from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import { sniffImageType } from './intake/sniff.js';
import { checkOutputSize } from './output-size.js';
import { providerErrors, type ImageBytes } from './providers/types.js';

/**
 * Thumbnail size: lists draw cards at most ~280 CSS px wide, so 320 px on the long side stays
 * sharp on them; WebP at quality 70 keeps a History page of 20 under the 1.5 MB budget
 * (bench/history-bytes.bench.ts measures it).
 */
export const THUMBNAIL_LONG_SIDE = 320;
export const THUMBNAIL_QUALITY = 70;

/** The files written for one generation: images and their thumbnails. */
export function filesOf(images: readonly GeneratedImage[]): string[] {
  return images.flatMap((i) => [i.path, ...(i.thumbnail ? [i.thumbnail.path] : [])]);
}

/**
 * Validates provider output, writes images and thumbnails, returns the image records. With
 * `expected`, every image must match the requested ratio and resolution tier (output-size.ts).
 */
export async function storeImages(
  deps: Deps,
  uid: string,
  id: string,
  images: readonly ImageBytes[],
  expected?: { aspectRatio: AspectRatio; resolution: Resolution },
): Promise<GeneratedImage[]> {
  const { default: sharp } = await import('sharp');
  const unusable = () => Promise.reject(providerErrors.badResponse());
  // Check every image (and make its thumbnail) before saving any.
  const checked = await Promise.all(
    images.map(async (image) => {
      const type = sniffImageType(image.bytes);
      if (type !== 'jpeg' && type !== 'png' && type !== 'webp') throw providerErrors.badResponse();
      const meta = await sharp(image.bytes).metadata().catch(unusable);
      if (!meta.width || !meta.height) throw providerErrors.badResponse();
      if (expected) checkOutputSize(meta, expected.aspectRatio, expected.resolution);
      const thumbnail = await sharp(image.bytes)
        .resize({
          width: THUMBNAIL_LONG_SIDE,
          height: THUMBNAIL_LONG_SIDE,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .webp({ quality: THUMBNAIL_QUALITY })
        .toBuffer({ resolveWithObject: true })
        .catch(unusable);
      return { image, type, width: meta.width, height: meta.height, thumbnail };
    }),
  );
  const records: GeneratedImage[] = [];
  const written: string[] = [];
  try {
    for (const [n, { image, type, width, height, thumbnail }] of checked.entries()) {
      const path = storagePaths.generationImage(uid, `${id}-${n}`, type === 'jpeg' ? 'jpg' : type);
      const thumbPath = storagePaths.generationThumbnail(uid, `${id}-${n}`);
      const contentType = `image/${type}`;
      await deps.blobs.save(path, image.bytes, contentType);
      written.push(path);
      await deps.blobs.save(thumbPath, thumbnail.data, 'image/webp');
      written.push(thumbPath);
      records.push({
        path,
        contentType,
        width,
        height,
        bytes: image.bytes.length,
        thumbnail: {
          path: thumbPath,
          contentType: 'image/webp',
          width: thumbnail.info.width,
          height: thumbnail.info.height,
          bytes: thumbnail.data.length,
        },
      });
    }
  } catch (err) {
    await Promise.all(written.map((p) => deps.blobs.delete(p).catch(() => undefined)));
    throw err;
  }
  return records;
}
