import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MODELS, errorReason, paths, type GenerationDoc, type ModelInfo } from '@mimicit/shared';
import { handleGetCatalog } from './get-catalog.js';
import { CATALOG_CACHE_MS } from './effective.js';
import { fakeRequest, useMemoryDeps } from '../lib/testing.js';
import { setDeps } from '../lib/deps.js';
import { handleGenerateImage } from '../generation/generate-image.js';
import { setProviderRegistry } from '../generation/providers/registry.js';
import { balance, giveCredits, providerImages } from '../generation/testing/fixtures.js';

const catalog = async () => (await handleGetCatalog(fakeRequest({}, 'u1'))).models;
const byId = async (id: string) => (await catalog()).find((m) => m.id === id);

describe('handleGetCatalog', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(() => (deps = useMemoryDeps()));
  afterEach(() => {
    vi.unstubAllEnvs();
    setDeps({});
  });

  it('serves the code catalog, every production entry citing its source, nothing greyed out', async () => {
    vi.stubEnv('VITEST', '');
    vi.stubEnv('FUNCTIONS_EMULATOR', '');
    for (const key of ['GEMINI_API_KEY', 'OPENAI_API_KEY', 'FAL_KEY']) vi.stubEnv(key, 'set');
    const models = await catalog();
    expect(models.map((m) => m.id)).toEqual(MODELS.filter((m) => !m.previewOnly).map((m) => m.id));
    expect(models.every((m) => m.available && /^https:\/\//.test(m.source ?? ''))).toBe(true);
  });

  it('a provider without a key: its models greyed out as not-configured, the others usable', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', 'true');
    vi.stubEnv('GEMINI_API_KEY', 'set');
    vi.stubEnv('OPENAI_API_KEY', 'set');
    vi.stubEnv('FAL_KEY', '');
    const models = await catalog();
    expect(models.find((m) => m.id === 'flux-2')).toMatchObject({
      available: false,
      unavailableReason: 'not-configured',
    });
    const usable = models.filter((m) => m.available).map((m) => m.provider);
    expect(new Set(usable)).toEqual(new Set(['google', 'openai', 'local']));
  });

  it('a model whose key is missing is refused before any charge, with the cause', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', 'true');
    vi.stubEnv('FAL_KEY', '');
    await giveCredits(deps, 'u1', 10);
    const err = await handleGenerateImage(
      fakeRequest({ requestId: 'req-nokey-0001', model: 'flux-2', prompt: 'a fox' }, 'u1'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'failed-precondition', details: { cause: 'not-configured' } });
    expect(errorReason(err)).toBe('model-unavailable');
    expect(await balance(deps, 'u1')).toBe(10);
  });

  it('offers the preview model on the emulators', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', 'true');
    expect((await catalog()).map((m) => m.id)).toContain('local-preview');
  });

  it('requires sign-in, and logs the refused call without personal content', async () => {
    await expect(handleGetCatalog(fakeRequest({}))).rejects.toMatchObject({ code: 'unauthenticated' });
    const logs = await deps.store.query({ collection: 'accessLogs' });
    expect(logs).toHaveLength(1);
    expect(logs[0]?.data).toMatchObject({ uid: null, operation: 'getCatalog', ip: '203.0.113.7' });
  });

  it('an invalid operator document is ignored whole: the code catalog keeps serving', async () => {
    await deps.store.batch([
      { kind: 'set', path: paths.modelOverrides(), data: { models: { 'gpt-image': { cost: -5 } } } },
    ]);
    expect((await byId('gpt-image'))?.cost).toBe(6);
  });
});

describe('runtime catalog, end to end through getCatalog and a generation', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let seen: ModelInfo[];
  const override = (data: Record<string, unknown>) =>
    deps.store.batch([{ kind: 'set', path: paths.modelOverrides(), data }]);
  const generate = (requestId: string, model: string, extra: Record<string, unknown> = {}) =>
    handleGenerateImage(fakeRequest({ requestId, model, prompt: 'a fox', ...extra }, 'u1'));

  beforeEach(async () => {
    deps = useMemoryDeps();
    seen = [];
    setProviderRegistry(async () => ({
      generate: async (model, input) => {
        seen.push(model);
        return providerImages(model, input);
      },
    }));
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    setProviderRegistry(undefined);
    setDeps({});
  });

  it('disable: greyed out in the catalog, refused before any charge', async () => {
    await override({ models: { 'flux-2': { disabled: true } } });
    expect(await byId('flux-2')).toMatchObject({ available: false, unavailableReason: 'disabled' });
    const err = await generate('req-dis-00001', 'flux-2').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'failed-precondition' });
    expect(errorReason(err)).toBe('model-unavailable');
    expect(await balance(deps, 'u1')).toBe(50);
    expect(seen).toHaveLength(0);
  });

  it('re-price: the catalog shows the new cost and the generation charges it, per resolution', async () => {
    await override({ models: { 'gpt-image': { cost: 9, resolutionCosts: { '2k': 15 } } } });
    expect(await byId('gpt-image')).toMatchObject({ cost: 9, resolutionCosts: { '2k': 15 } });
    const res = await generate('req-price-0001', 'gpt-image', { resolution: '2k' });
    expect(res).toMatchObject({ status: 'succeeded', cost: 15 });
    expect(await balance(deps, 'u1')).toBe(35);
  });

  it('a price a client sends is refused: the server prices from the catalog only', async () => {
    const err = await generate('req-price-0002', 'gpt-image', { cost: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(await balance(deps, 'u1')).toBe(50);
  });

  it('rename: the stable id now calls the new provider model', async () => {
    await override({ models: { 'gemini-image': { providerModel: 'gemini-3.2-flash-image' } } });
    expect((await byId('gemini-image'))?.providerModel).toBe('gemini-3.2-flash-image');
    await generate('req-rename-001', 'gemini-image');
    expect(seen[0]?.providerModel).toBe('gemini-3.2-flash-image');
  });

  it('add: a new entry of a known provider is served and generates', async () => {
    const added = { ...MODELS.find((m) => m.id === 'gpt-image')!, id: 'gpt-image-next', label: 'Next' };
    delete (added as Partial<ModelInfo>).source;
    await override({ added: [{ ...added, providerModel: 'gpt-image-2.5-flare', cost: 7 }] });
    expect(await byId('gpt-image-next')).toMatchObject({ available: true, provider: 'openai', cost: 7 });
    const res = await generate('req-added-0001', 'gpt-image-next');
    expect(res).toMatchObject({ status: 'succeeded', cost: 7 });
    expect(seen[0]?.providerModel).toBe('gpt-image-2.5-flare');
  });

  it('changes reach a warm instance within the cache window, without a deploy', async () => {
    expect((await byId('flux-2'))?.available).toBe(true);
    await override({ models: { 'flux-2': { disabled: true } } });
    expect((await byId('flux-2'))?.available).toBe(true); // still cached
    deps.clock.advance(CATALOG_CACHE_MS);
    expect((await byId('flux-2'))?.available).toBe(false);
  });

  it('a stored generation keeps the price it was charged after a re-price', async () => {
    const first = await generate('req-keep-00001', 'flux-2');
    await override({ models: { 'flux-2': { cost: 20 } } });
    deps.clock.advance(CATALOG_CACHE_MS);
    const doc = await deps.store.get<GenerationDoc>(paths.generation('u1', first.generationId));
    expect(doc.data?.cost).toBe(3);
  });
});
