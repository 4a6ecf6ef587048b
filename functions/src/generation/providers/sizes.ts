/** Pixel sizes for aspect ratios, as the GPT Image and FLUX.2 endpoints take them. */
import type { AspectRatio } from '@mimicit/shared';

/**
 * Width and height for `ratio` with its `which` side set to `side` and the other side rounded to
 * a multiple of 16 (both providers require sides divisible by 16).
 */
export function pixelSize(
  ratio: AspectRatio,
  side: number,
  which: 'long' | 'short',
): { width: number; height: number } {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  const by16 = (n: number) => Math.max(16, Math.round(n / 16) * 16);
  const landscape = w >= h;
  const widthFixed = landscape === (which === 'long');
  return widthFixed
    ? { width: side, height: by16((side * h) / w) }
    : { width: by16((side * w) / h), height: side };
}
