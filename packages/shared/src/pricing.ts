/**
 * What a request costs, in credits. The callables reserve exactly these amounts and the web
 * dashboard and extension show exactly these amounts before the person commits, so no side
 * derives a price of its own (a card showing the base cost while the server charged the 2K price
 * was the bug this module exists to prevent).
 */
import type { ModelInfo, Resolution } from './catalog.js';

/** The fields a price depends on (a catalog entry, as served or as configured). */
export type Priced = Pick<ModelInfo, 'cost' | 'resolutionCosts' | 'resolutions'>;

/** Credits one image (or one describe call) costs at `resolution`. */
export function priceOf(model: Priced, resolution?: Resolution): number {
  return (resolution && model.resolutionCosts?.[resolution]) || model.cost;
}

/**
 * The resolution a request for `model` runs at when `wanted` is chosen: `wanted` where the model
 * offers it, else the model's first (what the clients switch to when a model lacks the choice).
 */
export function resolutionFor(model: Priced, wanted: Resolution): Resolution {
  return model.resolutions.includes(wanted) ? wanted : (model.resolutions[0] ?? wanted);
}

/** `describeImage`: one call, whatever the number of prompt variants. */
export function describeCost(model: Priced): number {
  return priceOf(model);
}

/** `generateImage`: `count` images at `resolution`. */
export function imageCost(model: Priced, resolution: Resolution, count: number): number {
  return priceOf(model, resolution) * count;
}

/** `generateComparison`: one image from each model at the same resolution, each charged on its own. */
export function comparisonCost(models: readonly Priced[], resolution: Resolution): number {
  return models.reduce((sum, m) => sum + imageCost(m, resolution, 1), 0);
}

/** The cheapest and dearest price among `models` at every resolution they offer (a summary line). */
export function priceRange(models: readonly Priced[]): { min: number; max: number } | undefined {
  const prices = models.flatMap((m) =>
    m.resolutions.length ? m.resolutions.map((r) => priceOf(m, r)) : [priceOf(m)],
  );
  return prices.length ? { min: Math.min(...prices), max: Math.max(...prices) } : undefined;
}
