// The pipeline under the Admin SDK's rerun of a transaction whose commit LANDED but answered
// DEADLINE_EXCEEDED/UNAVAILABLE/INTERNAL (MemoryStore 'commit-landed' mode): every transaction
// here commits once, then runs again on the state it just wrote.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collections, storagePaths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { ledgerOf } from '../credits/ledger.js';
import { handleGenerateImage } from './generate-image.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { sweepStuckBatch } from './sweep-stuck-generations.js';
import { PENDING_TTL_MS } from './options.js';
import { providerErrors, type ImageModel } from './providers/types.js';
import { balance, giveCredits, providerImages } from '../../test/kits/generation.js';

describe('generation pipeline when a landed commit is rerun', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let calls: number;
  let behaviour: ImageModel['generate'];
  beforeEach(async () => {
    deps = useMemoryDeps({ simulateRetries: 'commit-landed' });
    calls = 0;
    behaviour = providerImages;
    setDeps({
      providers: async () => ({
        generate: (m, i) => {
          calls++;
          return behaviour(m, i);
        },
      }),
    });
    await giveCredits(deps, 'u1', 20);
  });
  afterEach(() => {
    resetDeps();
  });

  const gen = (requestId: string) =>
    fakeRequest({ requestId, model: 'local-preview', prompt: 'a red fox', count: 2 }, 'u1');

  it('runs the provider once, keeps the paid images and charges once', async () => {
    const res = await handleGenerateImage(gen('req-landed-001'));
    expect(res).toMatchObject({ status: 'succeeded', replayed: false, cost: 2 });
    expect(calls).toBe(1);
    // markSucceeded's rerun must not take its own commit for a sweep and delete the images.
    expect((await deps.blobs.list(storagePaths.generationPrefix('u1'))).sort()).toEqual(
      [...res.imagePaths!, ...res.thumbnailPaths!].sort(),
    );
    const doc = (await deps.store.get(collections.generations.doc('u1', res.generationId))).data!;
    expect(doc).toMatchObject({ status: 'succeeded', refunded: false });
    expect(doc.images).toHaveLength(2);
    expect(await balance(deps, 'u1')).toBe(18);
    const ledger = await ledgerOf(deps.store, 'u1');
    expect(ledger.filter((e) => e.reason === 'generation').map((e) => e.delta)).toEqual([-2]);
    // A real replay of the same request is still recognised as one.
    expect(await handleGenerateImage(gen('req-landed-001'))).toMatchObject({ replayed: true });
    expect(calls).toBe(1);
  });

  it('a provider failure is refunded exactly once', async () => {
    behaviour = async () => Promise.reject(providerErrors.unavailable());
    const res = await handleGenerateImage(gen('req-landed-002'));
    expect(res).toMatchObject({ status: 'failed', failureCode: 'provider-unavailable' });
    expect(calls).toBe(1);
    expect(await balance(deps, 'u1')).toBe(20);
    const ledger = await ledgerOf(deps.store, 'u1');
    expect(ledger.filter((e) => e.reason === 'refund').map((e) => e.delta)).toEqual([2]);
  });

  it('a comparison runs every model once', async () => {
    const res = await handleGenerateComparison(
      fakeRequest({ requestId: 'req-landed-003', models: ['gemini-image-pro', 'flux-2'], prompt: 'p' }, 'u1'),
    );
    expect(res.results.map((r) => [r.status, r.replayed])).toEqual([
      ['succeeded', false],
      ['succeeded', false],
    ]);
    expect(calls).toBe(2);
    // Two images, each with its thumbnail.
    expect(await deps.blobs.list(storagePaths.generationPrefix('u1'))).toHaveLength(4);
    expect(await balance(deps, 'u1')).toBe(20 - 6 - 3);
  });

  it('the sweeper counts a generation it failed once, however often its commit is rerun', async () => {
    behaviour = () => new Promise(() => undefined);
    void handleGenerateImage(gen('req-landed-004'));
    await vi.waitFor(async () => expect(await balance(deps, 'u1')).toBe(18));
    deps.clock.advance(PENDING_TTL_MS + 1);
    expect(await sweepStuckBatch(deps)).toBe(1);
    expect(await balance(deps, 'u1')).toBe(20);
  });
});
