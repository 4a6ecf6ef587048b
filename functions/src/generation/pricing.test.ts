// The callables charge exactly what the shared pricing functions say, which is what the web
// dashboard and the extension display before the person commits (their component tests hold
// the displays to the same functions): one price, no side deriving its own.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MODELS,
  comparisonCost,
  describeCost,
  imageCost,
  type ModelInfo,
  type Resolution,
} from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { handleDescribeImage } from './describe-image.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { handleGenerateImage } from './generate-image.js';
import { balance, dataUrl, giveCredits, jpeg, providerImages } from '../../test/kits/generation.js';

const imageModels = MODELS.filter((m) => m.kind === 'image' && !m.previewOnly);
const cases: [string, Resolution, number][] = imageModels.flatMap((m) =>
  m.resolutions.flatMap((r) => [1, m.maxImages].map((n): [string, Resolution, number] => [m.id, r, n])),
);
const byId = (id: string) => MODELS.find((m) => m.id === id) as ModelInfo;

describe('what the server charges', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let image: Buffer;
  let seq = 0;
  const requestId = () => `req-price-${String(++seq).padStart(6, '0')}`;

  beforeAll(async () => (image = await jpeg(16, 16)));
  beforeEach(async () => {
    deps = useMemoryDeps();
    setDeps({
      providers: async () => ({
        generate: providerImages,
        describe: async () => ({ prompts: ['p'] }),
      }),
    });
    await giveCredits(deps, 'u1', 1000);
  });
  afterEach(() => {
    resetDeps();
  });

  it('prices differ by resolution for some models (so the table below means something)', () => {
    expect(new Set(cases.map(([id, r]) => imageCost(byId(id), r, 1))).size).toBeGreaterThan(4);
    expect(imageCost(byId('gemini-image'), '4k', 1)).not.toBe(byId('gemini-image').cost);
  });

  it.each(cases)('generateImage %s at %s × %i charges imageCost', async (id, resolution, count) => {
    const res = await handleGenerateImage(
      fakeRequest({ requestId: requestId(), model: id, prompt: 'a fox', resolution, count }, 'u1'),
    );
    const expected = imageCost(byId(id), resolution, count);
    expect(res).toMatchObject({ status: 'succeeded', cost: expected });
    expect(await balance(deps, 'u1')).toBe(1000 - expected);
  });

  it.each(['1k', '2k'] as const)('generateComparison at %s charges comparisonCost', async (resolution) => {
    const models = ['gemini-image', 'gemini-image-pro', 'gpt-image', 'flux-2'];
    const res = await handleGenerateComparison(
      fakeRequest({ requestId: requestId(), models, prompt: 'a lighthouse', resolution }, 'u1'),
    );
    const expected = comparisonCost(models.map(byId), resolution);
    expect(res.results.reduce((s, r) => s + r.cost, 0)).toBe(expected);
    expect(await balance(deps, 'u1')).toBe(1000 - expected);
  });

  it('describeImage charges describeCost, whatever the number of variants', async () => {
    const res = await handleDescribeImage(
      fakeRequest(
        {
          requestId: requestId(),
          model: 'gpt-vision',
          source: { dataUrl: dataUrl(image) },
          variants: 3,
        },
        'u1',
      ),
    );
    expect(res.cost).toBe(describeCost(byId('gpt-vision')));
    expect(await balance(deps, 'u1')).toBe(1000 - res.cost);
  });
});
