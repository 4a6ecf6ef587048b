import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReason, findModel, collections, storagePaths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { ledgerOf } from '../credits/ledger.js';
import { handleGenerateImage } from './generate-image.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { handleDeleteGeneration } from './delete-generation.js';
import { sweepStuckBatch } from './sweep-stuck-generations.js';
import { PENDING_TTL_MS } from './options.js';
import { providerErrors, type ImageModel } from './providers/types.js';
import { balance, dataUrl, giveCredits, sizedJpeg } from '../../test/kits/generation.js';

/** Pipeline-level fake: an in-process provider whose behaviour each test sets. */
let behaviour: ImageModel['generate'];
let okImage: Buffer;
const ok: ImageModel['generate'] = async (_m, input) =>
  Array.from({ length: input.count }, () => ({ bytes: okImage }));

const gen = (requestId: string, extra: Record<string, unknown> = {}) =>
  fakeRequest({ requestId, model: 'local-preview', prompt: 'a red fox in snow', ...extra }, 'u1');

describe('generation pipeline', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeAll(async () => (okImage = await sizedJpeg('1:1', '1k')));
  beforeEach(async () => {
    deps = useMemoryDeps({ simulateRetries: true });
    behaviour = ok;
    setDeps({ providers: async () => ({ generate: (m, i) => behaviour(m, i) }) });
    await giveCredits(deps, 'u1', 20);
  });
  afterEach(() => {
    resetDeps();
    vi.unstubAllEnvs();
  });

  it('reserves, stores the image under users/{uid}/generations/{id}-0.jpg and succeeds', async () => {
    const res = await handleGenerateImage(gen('req-ok-000001', { count: 2 }));
    expect(res).toMatchObject({ status: 'succeeded', cost: 2, replayed: false });
    expect(res.imagePaths).toEqual([
      `users/u1/generations/${res.generationId}-0.jpg`,
      `users/u1/generations/${res.generationId}-1.jpg`,
    ]);
    // Two images, each with its thumbnail.
    expect(await deps.blobs.list(storagePaths.generationPrefix('u1'))).toHaveLength(4);
    const doc = (await deps.store.get(collections.generations.doc('u1', res.generationId))).data!;
    expect(doc).toMatchObject({ status: 'succeeded', refunded: false, favorite: false, cost: 2 });
    expect(doc.searchTokens).toEqual(expect.arrayContaining(['local-preview', 'red', 'fox', 'snow']));
    expect(doc.expiresAt.getTime() - doc.createdAt.getTime()).toBe(PENDING_TTL_MS);
    expect(await balance(deps, 'u1')).toBe(18);
  });

  const FAILURES: [string, () => Promise<never>, string][] = [
    ['safety block', async () => Promise.reject(providerErrors.safety()), 'provider-safety'],
    ['rate limit', async () => Promise.reject(providerErrors.rateLimit()), 'provider-rate-limit'],
    ['bad request', async () => Promise.reject(providerErrors.badRequest()), 'provider-bad-request'],
    ['bad key', async () => Promise.reject(providerErrors.config()), 'provider-config'],
    ['timeout', async () => Promise.reject(providerErrors.timeout()), 'provider-timeout'],
    ['5xx', async () => Promise.reject(providerErrors.unavailable()), 'provider-unavailable'],
    ['malformed', async () => Promise.reject(providerErrors.badResponse()), 'provider-bad-response'],
    [
      'no image returned',
      async () => Promise.reject(providerErrors.noImage('NO_IMAGE')),
      'provider-no-image',
    ],
    ['model retired', async () => Promise.reject(providerErrors.modelUnavailable()), 'model-unavailable'],
    ['unexpected crash', async () => Promise.reject(new TypeError('boom')), 'internal'],
  ];

  it.each(FAILURES)('%s → failed, refunded, balance restored', async (_name, fail, code) => {
    behaviour = fail;
    const res = await handleGenerateImage(gen('req-fail-00001'));
    expect(res).toMatchObject({ status: 'failed', failureCode: code });
    expect(res.failureReason).toMatch(/\w/);
    expect(res.failureReason).not.toMatch(/boom/);
    const doc = (await deps.store.get(collections.generations.doc('u1', res.generationId))).data!;
    expect(doc).toMatchObject({ status: 'failed', refunded: true });
    expect(await balance(deps, 'u1')).toBe(20);
    expect((await ledgerOf(deps.store, 'u1')).map((e) => e.reason).sort()).toEqual([
      'generation',
      'purchase',
      'refund',
    ]);
  });

  it('a provider answer that is not an image → failed, refunded, nothing stored', async () => {
    behaviour = async () => [{ bytes: okImage }, { bytes: Buffer.from('<html>not an image</html>') }];
    const res = await handleGenerateImage(gen('req-notimg-001', { count: 2 }));
    expect(res).toMatchObject({ status: 'failed', failureCode: 'provider-bad-response' });
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);
    expect(await balance(deps, 'u1')).toBe(20);
  });

  it('a storage failure → failed and refunded', async () => {
    vi.spyOn(deps.blobs, 'save').mockRejectedValueOnce(new Error('GCS down'));
    const res = await handleGenerateImage(gen('req-gcs-000001'));
    expect(res).toMatchObject({ status: 'failed', failureCode: 'internal' });
    expect(await balance(deps, 'u1')).toBe(20);
  });

  it('the same request id twice is charged once and returns the same generation', async () => {
    const first = await handleGenerateImage(gen('req-same-00001'));
    const again = await handleGenerateImage(gen('req-same-00001'));
    expect(again).toMatchObject({ generationId: first.generationId, status: 'succeeded', replayed: true });
    expect(await balance(deps, 'u1')).toBe(19);
  });

  it('100 concurrent requests on 20 credits: exactly 20 charged, the rest failed-precondition', async () => {
    setDeps({ pipeline: { maxConcurrentPending: 1000, maxRequestsPerMinute: 1000 } });
    const settled = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        handleGenerateImage(gen(`req-conc-${String(i).padStart(4, '0')}`)),
      ),
    );
    const ok = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(80);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'failed-precondition' });
      expect(errorReason(r.reason)).toBe('insufficient-credits');
    }
    expect(await balance(deps, 'u1')).toBe(0);
    const ledger = await ledgerOf(deps.store, 'u1');
    expect(ledger.filter((e) => e.reason === 'generation')).toHaveLength(20);
    expect(ledger.reduce((s, e) => s + e.delta, 0)).toBe(0);
  });

  it('per-user limits: too many pending and too many per minute → resource-exhausted, nothing charged', async () => {
    setDeps({ pipeline: { maxConcurrentPending: 1, maxRequestsPerMinute: 2 } });
    let release!: () => void;
    behaviour = () => new Promise((r) => (release = () => r([{ bytes: okImage }])));
    const running = handleGenerateImage(gen('req-slow-00001'));
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const busy = await handleGenerateImage(gen('req-busy-00001')).catch((e: unknown) => e);
    expect(errorReason(busy)).toBe('too-many-pending');
    expect(busy).toMatchObject({ code: 'resource-exhausted' });
    release();
    await running;
    behaviour = ok;
    await handleGenerateImage(gen('req-rate-00001'));
    const limited = await handleGenerateImage(gen('req-rate-00002')).catch((e: unknown) => e);
    expect(errorReason(limited)).toBe('rate-limited');
    expect(await balance(deps, 'u1')).toBe(18);
    deps.clock.advance(61_000);
    await expect(handleGenerateImage(gen('req-rate-00003'))).resolves.toMatchObject({ status: 'succeeded' });
  });

  const INVALID: [string, Record<string, unknown>, string][] = [
    ['prompt too long', { prompt: 'x'.repeat(4001) }, 'prompt-too-long'],
    ['unknown model', { model: 'dall-e-9' }, 'unknown-model'],
    ['aspect ratio the model lacks', { model: 'local-preview', aspectRatio: '21:9' }, 'unsupported-option'],
    [
      'resolution the model lacks',
      { model: 'gpt-image', aspectRatio: '1:1', resolution: '4k' },
      'unsupported-option',
    ],
    ['too many images', { model: 'gemini-image', count: 2 }, 'unsupported-option'],
    ['a prompt model asked for images', { model: 'gpt-vision' }, 'unsupported-option'],
  ];

  it.each(INVALID)('%s → invalid-argument with a precise reason, 0 credits', async (_n, extra, reason) => {
    const err = await handleGenerateImage(gen('req-bad-000001', extra)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(errorReason(err)).toBe(reason);
    expect(await balance(deps, 'u1')).toBe(20);
  });

  it('never offers local-preview in a production deploy', async () => {
    expect(findModel('local-preview', false)).toBeUndefined();
    vi.stubEnv('FUNCTIONS_EMULATOR', '');
    const err = await handleGenerateImage(gen('req-prod-00001')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(errorReason(err)).toBe('unknown-model');
    expect(await balance(deps, 'u1')).toBe(20);
  });

  it('comparison charges each model on its own and refunds only the failing one', async () => {
    setDeps({
      providers: async (provider) => ({
        generate: async () =>
          provider === 'openai' ? Promise.reject(providerErrors.safety()) : [{ bytes: okImage }],
      }),
    });
    await giveCredits(deps, 'u1', 0); // no-op: the same purchase id is applied once
    const res = await handleGenerateComparison(
      fakeRequest(
        {
          requestId: 'req-cmp-000001',
          models: ['gemini-image', 'gpt-image', 'flux-2'],
          prompt: 'a lighthouse',
        },
        'u1',
      ),
    );
    expect(res.results.map((r) => [r.model, r.status])).toEqual([
      ['gemini-image', 'succeeded'],
      ['gpt-image', 'failed'],
      ['flux-2', 'succeeded'],
    ]);
    // 3 + 6 + 3 reserved, 6 refunded.
    expect(await balance(deps, 'u1')).toBe(20 - 3 - 3);
    const ledger = await ledgerOf(deps.store, 'u1');
    expect(
      ledger
        .filter((e) => e.reason === 'generation')
        .map((e) => e.delta)
        .sort(),
    ).toEqual([-3, -3, -6]);
    expect(ledger.filter((e) => e.reason === 'refund').map((e) => e.delta)).toEqual([6]);
    const again = await handleGenerateComparison(
      fakeRequest(
        {
          requestId: 'req-cmp-000001',
          models: ['gemini-image', 'gpt-image', 'flux-2'],
          prompt: 'a lighthouse',
        },
        'u1',
      ),
    );
    expect(again.results.every((r) => r.replayed)).toBe(true);
    expect(await balance(deps, 'u1')).toBe(14);
  });

  it('comparison that cannot be afforded charges nothing', async () => {
    await giveCredits(deps, 'u2', 10);
    const err = await handleGenerateComparison(
      fakeRequest(
        { requestId: 'req-cmp-000002', models: ['gpt-image', 'gemini-image', 'flux-2'], prompt: 'p' },
        'u2',
      ),
    ).catch((e: unknown) => e);
    expect(errorReason(err)).toBe('insufficient-credits');
    expect(await balance(deps, 'u2')).toBe(10);
    expect(await deps.store.query({ collection: collections.generations.in('u2') })).toHaveLength(0);
  });

  it('the sweeper refunds generations stuck past expiresAt, once', async () => {
    behaviour = () => new Promise(() => undefined); // the provider never answers (function killed)
    void handleGenerateImage(gen('req-stuck-0001'));
    await vi.waitFor(async () => expect(await balance(deps, 'u1')).toBe(19));
    expect(await sweepStuckBatch(deps)).toBe(0); // not expired yet
    deps.clock.advance(PENDING_TTL_MS + 1);
    expect(await sweepStuckBatch(deps)).toBe(1);
    expect(await sweepStuckBatch(deps)).toBe(0);
    expect(await balance(deps, 'u1')).toBe(20);
    const [doc] = await deps.store.query({ collection: collections.generations.in('u1') });
    expect(doc?.data).toMatchObject({ status: 'failed', refunded: true, failureCode: 'provider-timeout' });
  });

  it('deleteGeneration removes the document and its files, owner only, not while pending', async () => {
    const res = await handleGenerateImage(
      gen('req-del-000001', { reference: { dataUrl: dataUrl(okImage) } }),
    );
    await expect(
      handleDeleteGeneration(fakeRequest({ generationId: res.generationId }, 'someone-else')),
    ).rejects.toMatchObject({ code: 'not-found' });
    const out = await handleDeleteGeneration(fakeRequest({ generationId: res.generationId }, 'u1'));
    expect(out).toEqual({ deleted: true, imagesDeleted: 1 });
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);
    expect((await deps.store.get(collections.generations.doc('u1', res.generationId))).data).toBeUndefined();
    behaviour = () => new Promise(() => undefined);
    void handleGenerateImage(gen('req-del-000002'));
    await vi.waitFor(async () => expect(await balance(deps, 'u1')).toBe(18));
    const [pending] = await deps.store.query({ collection: collections.generations.in('u1') });
    await expect(
      handleDeleteGeneration(fakeRequest({ generationId: pending!.id }, 'u1')),
    ).rejects.toMatchObject({
      code: 'failed-precondition',
    });
  });
});
