/**
 * Which file a list draws for a generated image: its small WebP thumbnail, or the full image for
 * generations saved before thumbnails existed. Full images load only on detail and download.
 */
import type { GeneratedImage } from '@mimicit/shared';

/** The path to draw `image` small, and its size where known (to reserve the space). */
export function listImage(image: GeneratedImage): { path: string; width: number; height: number } {
  const shown = image.thumbnail ?? image;
  return { path: shown.path, width: shown.width, height: shown.height };
}
