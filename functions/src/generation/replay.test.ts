// A replayed request (same requestId) returns what was stored and charged, even when its model
// has since been disabled, retired or removed: availability only guards new work.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MODELS, errorReason, collections, type ModelInfo, MODEL_OVERRIDES_ID } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { CATALOG_CACHE_MS } from '../catalog/effective.js';
import { handleDescribeImage } from './describe-image.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { handleGenerateImage } from './generate-image.js';
import { balance, dataUrl, giveCredits, jpeg, providerImages } from '../../test/kits/generation.js';

describe('replays after a model became unavailable', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let image: Buffer;
  let calls: number;

  /** Writes the operator document and lets the catalog cache expire, as a warm instance would. */
  const operator = async (data: Record<string, unknown>) => {
    await deps.store.batch([{ kind: 'set', path: collections.modelOverrides.doc(MODEL_OVERRIDES_ID), data }]);
    deps.clock.advance(CATALOG_CACHE_MS);
  };
  const retire = async (modelId: string, providerModel: string) => {
    await deps.store.batch([
      {
        kind: 'set',
        path: collections.modelStatus.doc(modelId),
        data: { state: 'retired', providerModel, detectedBy: 'watch', detail: 'gone', at: new Date() },
      },
    ]);
    deps.clock.advance(CATALOG_CACHE_MS);
  };
  const generate = (requestId: string, model: string) =>
    handleGenerateImage(fakeRequest({ requestId, model, prompt: 'a fox', resolution: '2k' }, 'u1'));
  const describeWith = (requestId: string, model: string) =>
    handleDescribeImage(fakeRequest({ requestId, model, source: { dataUrl: dataUrl(image) } }, 'u1'));
  const compare = (requestId: string, models: string[]) =>
    handleGenerateComparison(fakeRequest({ requestId, models, prompt: 'a lighthouse' }, 'u1'));

  beforeAll(async () => (image = await jpeg(32, 32)));
  beforeEach(async () => {
    deps = useMemoryDeps();
    calls = 0;
    setDeps({
      providers: async () => ({
        generate: async (model, input) => {
          calls += 1;
          return providerImages(model, input);
        },
        describe: async () => {
          calls += 1;
          return { prompts: ['a red square'] };
        },
      }),
    });
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    resetDeps();
  });

  it('generateImage: a disabled model still replays its stored result; new work is refused', async () => {
    const first = await generate('req-replay-img1', 'flux-2');
    expect(first).toMatchObject({ status: 'succeeded', cost: 5, replayed: false });
    await operator({ models: { 'flux-2': { disabled: true } } });

    const again = await generate('req-replay-img1', 'flux-2');
    expect(again).toMatchObject({ generationId: first.generationId, status: 'succeeded', replayed: true });
    expect(again.imagePaths).toEqual(first.imagePaths);
    expect(await balance(deps, 'u1')).toBe(45);
    expect(calls).toBe(1);

    const fresh = await generate('req-replay-img2', 'flux-2').catch((e: unknown) => e);
    expect(errorReason(fresh)).toBe('model-unavailable');
    expect(await balance(deps, 'u1')).toBe(45);
  });

  it('generateImage: a model retired by its provider still replays', async () => {
    const first = await generate('req-replay-ret1', 'gemini-image');
    await retire('gemini-image', 'gemini-3.1-flash-image');
    await expect(generate('req-replay-ret1', 'gemini-image')).resolves.toMatchObject({
      generationId: first.generationId,
      status: 'succeeded',
      replayed: true,
    });
    expect(calls).toBe(1);
  });

  it('generateImage: a model an operator removed altogether still replays', async () => {
    const added = { ...MODELS.find((m) => m.id === 'gpt-image')!, id: 'gpt-image-next', label: 'Next' };
    delete (added as Partial<ModelInfo>).source;
    await operator({ added: [added] });
    const first = await generate('req-replay-rm01', 'gpt-image-next');
    expect(first.status).toBe('succeeded');
    await operator({ added: [] });
    await expect(generate('req-replay-rm01', 'gpt-image-next')).resolves.toMatchObject({
      status: 'succeeded',
      replayed: true,
    });
    expect(errorReason(await generate('req-replay-rm02', 'gpt-image-next').catch((e: unknown) => e))).toBe(
      'unknown-model',
    );
  });

  it('describeImage: a disabled describe model still replays its prompt', async () => {
    const first = await describeWith('req-replay-dsc1', 'gemini-flash-vision');
    expect(first).toMatchObject({ status: 'succeeded', resultPrompts: ['a red square'] });
    await operator({ models: { 'gemini-flash-vision': { disabled: true } } });
    await expect(describeWith('req-replay-dsc1', 'gemini-flash-vision')).resolves.toMatchObject({
      generationId: first.generationId,
      resultPrompts: ['a red square'],
      replayed: true,
    });
    const fresh = await describeWith('req-replay-dsc2', 'gemini-flash-vision').catch((e: unknown) => e);
    expect(errorReason(fresh)).toBe('model-unavailable');
    expect(calls).toBe(1);
  });

  it('generateComparison: one model retired since still replays every stored result', async () => {
    const models = ['gemini-image', 'flux-2'];
    const first = await compare('req-replay-cmp1', models);
    expect(first.results.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const charged = await balance(deps, 'u1');
    await retire('flux-2', 'fal-ai/flux-2-pro');

    const again = await compare('req-replay-cmp1', models);
    expect(again.comparisonId).toBe(first.comparisonId);
    expect(again.results.map((r) => [r.generationId, r.replayed])).toEqual(
      first.results.map((r) => [r.generationId, true]),
    );
    expect(await balance(deps, 'u1')).toBe(charged);
    expect(calls).toBe(2);

    const fresh = await compare('req-replay-cmp2', models).catch((e: unknown) => e);
    expect(errorReason(fresh)).toBe('model-unavailable');
  });
});
