import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODELS, collections, type AspectRatio, type Resolution, storagePaths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { ledgerOf } from '../credits/ledger.js';
import { handleGenerateImage } from './generate-image.js';
import { checkOutputSize } from './output-size.js';
import { fluxImageSize } from './providers/fal.js';
import { sizeFor } from './providers/local-preview.js';
import { gptImageSize } from './providers/openai.js';
import { balance, giveCredits, sizedJpeg } from '../../test/kits/generation.js';

const modelOf = (id: string) => MODELS.find((m) => m.id === id)!;
const parse = (size: string) => {
  const [width, height] = size.split('x').map(Number) as [number, number];
  return { width, height };
};

/** Gemini image models' documented 1K sizes; 2K and 4K double and quadruple them. */
const GEMINI_1K: Record<AspectRatio, string> = {
  '1:1': '1024x1024',
  '2:3': '848x1264',
  '3:2': '1264x848',
  '3:4': '896x1200',
  '4:3': '1200x896',
  '9:16': '768x1376',
  '16:9': '1376x768',
  '21:9': '1584x672',
};
const scale = (size: string, k: number) => {
  const { width, height } = parse(size);
  return { width: width * k, height: height * k };
};

describe('checkOutputSize: every size our providers document passes', () => {
  const cases: [string, AspectRatio, Resolution, { width: number; height: number }][] = [];
  for (const [ratio, size] of Object.entries(GEMINI_1K) as [AspectRatio, string][]) {
    cases.push(['Gemini', ratio, '1k', scale(size, 1)], ['Gemini', ratio, '2k', scale(size, 2)]);
    cases.push(['Gemini', ratio, '4k', scale(size, 4)]);
  }
  for (const ratio of modelOf('gpt-image').aspectRatios)
    for (const res of modelOf('gpt-image').resolutions)
      cases.push(['GPT Image', ratio, res, parse(gptImageSize(ratio, res))]);
  for (const ratio of modelOf('flux-2').aspectRatios)
    for (const res of modelOf('flux-2').resolutions)
      cases.push(['FLUX.2', ratio, res, fluxImageSize(ratio, res)]);
  for (const ratio of modelOf('local-preview').aspectRatios)
    cases.push(['preview', ratio, '1k', sizeFor(ratio)]);

  it.each(cases)('%s %s at %s: %o', (_provider, ratio, resolution, size) => {
    expect(() => checkOutputSize(size, ratio, resolution)).not.toThrow();
  });
});

describe('checkOutputSize: what it refuses', () => {
  it.each([
    ['a square for 16:9', { width: 1024, height: 1024 }, '16:9', '1k'],
    ['4:3 off by 10 %', { width: 1200, height: 1000 }, '4:3', '1k'],
    ['portrait for landscape', { width: 768, height: 1024 }, '4:3', '1k'],
    ['1K for a paid 4K', { width: 1024, height: 1024 }, '1:1', '4k'],
    ['1K for a paid 2K', { width: 1024, height: 1024 }, '1:1', '2k'],
    ['2K for a paid 4K', { width: 2048, height: 2048 }, '1:1', '4k'],
    ['a thumbnail', { width: 256, height: 256 }, '1:1', '1k'],
    ['4K for 1K', { width: 4096, height: 4096 }, '1:1', '1k'],
  ] as const)('%s', (_name, size, ratio, resolution) => {
    expect(() => checkOutputSize(size, ratio, resolution)).toThrow(
      expect.objectContaining({ reason: 'provider-wrong-size', extra: size }),
    );
  });
});

describe('a provider answer of the wrong size', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(async () => {
    deps = useMemoryDeps();
    // The provider always answers a 1K square, whatever was asked.
    setDeps({ providers: async () => ({ generate: async () => [{ bytes: await sizedJpeg('1:1', '1k') }] }) });
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    resetDeps();
  });

  it.each([
    ['4K paid, 1K delivered', { resolution: '4k' }],
    ['16:9 asked, square delivered', { aspectRatio: '16:9' }],
  ])('%s → failed with provider-wrong-size, refunded, no files kept', async (_name, extra) => {
    const res = await handleGenerateImage(
      fakeRequest({ requestId: 'req-size-000001', model: 'gemini-image', prompt: 'a fox', ...extra }, 'u1'),
    );
    expect(res).toMatchObject({ status: 'failed', failureCode: 'provider-wrong-size' });
    expect(res.failureReason).toMatch(/1024×1024 image instead of/);
    const doc = (await deps.store.get(collections.generations.doc('u1', res.generationId))).data!;
    expect(doc).toMatchObject({ status: 'failed', refunded: true });
    expect(await balance(deps, 'u1')).toBe(50);
    expect((await ledgerOf(deps.store, 'u1')).map((e) => e.reason).sort()).toEqual([
      'generation',
      'purchase',
      'refund',
    ]);
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);
  });

  it('the size the request asked for is accepted', async () => {
    const res = await handleGenerateImage(
      fakeRequest({ requestId: 'req-size-000002', model: 'gemini-image', prompt: 'a fox' }, 'u1'),
    );
    expect(res.status).toBe('succeeded');
  });
});
