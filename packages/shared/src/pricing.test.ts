import { describe, expect, it } from 'vitest';
import { MODELS } from './models.js';
import { comparisonCost, describeCost, imageCost, priceOf, priceRange, resolutionFor } from './pricing.js';

const model = (id: string) => MODELS.find((m) => m.id === id)!;

describe('pricing', () => {
  it('prices each resolution from the catalog, falling back to the base cost', () => {
    const gemini = model('gemini-image');
    expect([priceOf(gemini, '1k'), priceOf(gemini, '2k'), priceOf(gemini, '4k')]).toEqual([3, 5, 8]);
    expect(priceOf(model('gemini-image-pro'), '2k')).toBe(6);
    expect(imageCost(model('gpt-image'), '2k', 4)).toBe(40);
    expect(describeCost(model('gpt-vision'))).toBe(1);
  });

  it('a comparison is the sum of one image from each model', () => {
    expect(comparisonCost([model('gemini-image'), model('flux-2')], '2k')).toBe(5 + 5);
  });

  it('falls back to the model’s first resolution when it lacks the chosen one', () => {
    expect(resolutionFor(model('gpt-image'), '4k')).toBe('1k');
    expect(resolutionFor(model('gpt-image'), '2k')).toBe('2k');
  });

  it('summarises the price range of a set of models', () => {
    expect(priceRange(MODELS.filter((m) => m.kind === 'image' && !m.previewOnly))).toEqual({
      min: 3,
      max: 10,
    });
    expect(priceRange([])).toBeUndefined();
  });
});
