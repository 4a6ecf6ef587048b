/**
 * The output's real dimensions against the request: a provider that silently answers a paid 4K
 * request with a 1K image, or a 16:9 request with a square, has not delivered what was charged
 * for. Such an answer is a provider failure (`provider-wrong-size`) and is refunded.
 *
 * Tolerances (README "Models" repeats them):
 * - aspect ratio: width/height within 3 % of the requested ratio, either way. The providers round
 *   sides to multiples of 16 (GPT Image, FLUX.2) or use their own size table (Gemini: 1376×768
 *   for 16:9, 1584×672 for 21:9); the worst of these is 1.6 % off.
 * - long side: within the tier's range below, from 10 % under the smallest long side any of our
 *   providers documents for the tier to 10 % over the largest.
 */
import type { AspectRatio, Resolution } from '@mimicit/shared';
import { providerErrors } from './providers/types.js';

/** Largest relative error of width/height against the requested ratio. */
export const RATIO_TOLERANCE = 0.03;

/**
 * Accepted long side per tier, in pixels. 1k: FLUX.2 and the preview put the long side at 1024,
 * Gemini's 1K table reaches 1584 (21:9) and GPT Image keeps the short side at 1024 (2384×1024 at
 * 21:9). 2k: 2048 (FLUX.2, GPT Image) to 3168 (Gemini 2K, 21:9). 4k: 4096 to 6336 (Gemini 4K).
 */
export const LONG_SIDE_RANGE: Record<Resolution, { min: number; max: number }> = {
  '1k': { min: 922, max: 2622 },
  '2k': { min: 1843, max: 3485 },
  '4k': { min: 3686, max: 6970 },
};

/** Throws `provider-wrong-size` unless `width`×`height` fits `aspectRatio` at `resolution`. */
export function checkOutputSize(
  size: { width: number; height: number },
  aspectRatio: AspectRatio,
  resolution: Resolution,
): void {
  const [w, h] = aspectRatio.split(':').map(Number) as [number, number];
  const ratioError = Math.abs(size.width / size.height / (w / h) - 1);
  const long = Math.max(size.width, size.height);
  const range = LONG_SIDE_RANGE[resolution];
  if (ratioError > RATIO_TOLERANCE || long < range.min || long > range.max) {
    throw providerErrors.wrongSize(size, `${aspectRatio} at ${resolution.toUpperCase()}`);
  }
}
