// Seeds through the callables and the real adapters (against a local fake of each provider's
// wire protocol): drawn when absent, kept when given, stored, sent; none for models without.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_MAX, errorReason, collections, type Provider } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { handleGenerateImage } from './generate-image.js';
import { createFalAdapter } from './providers/fal.js';
import { createGoogleAdapter } from './providers/google.js';
import { createLocalPreviewAdapter } from './providers/local-preview.js';
import { createOpenAiAdapter } from './providers/openai.js';
import type { ProviderAdapter } from './providers/types.js';
import {
  balance,
  giveCredits,
  json,
  sizedJpeg,
  startServer,
  type TestServer,
} from '../../test/kits/generation.js';

describe('seeds', () => {
  let server: TestServer;
  let deps: ReturnType<typeof useMemoryDeps>;

  /** The body each provider received (JSON for Gemini and fal, multipart text for OpenAI). */
  const sent = (match: (path: string) => boolean) =>
    server.requests.filter((r) => r.method === 'POST' && match(r.path)).map((r) => r.body.toString('latin1'));
  const falBodies = () =>
    sent((p) => p.startsWith('/fal-ai/')).map((b) => JSON.parse(b) as Record<string, unknown>);
  const generate = (requestId: string, extra: Record<string, unknown>) =>
    handleGenerateImage(fakeRequest({ requestId, prompt: 'a fox', ...extra }, 'u1'));
  const stored = async (id: string) => (await deps.store.get(collections.generations.doc('u1', id))).data!;

  beforeAll(async () => {
    const square = (await sizedJpeg('1:1', '1k')).toString('base64');
    server = await startServer(async (req, _body, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (path.includes(':generateContent')) {
        return json(res, 200, {
          candidates: [
            {
              content: { parts: [{ inlineData: { mimeType: 'image/jpeg', data: square } }] },
              finishReason: 'STOP',
            },
          ],
        });
      }
      if (path.startsWith('/images/')) return json(res, 200, { created: 1, data: [{ b64_json: square }] });
      if (path === '/files/out.jpg')
        return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(await sizedJpeg());
      if (req.method === 'POST') return json(res, 200, { request_id: 'req-1', status: 'IN_QUEUE' });
      if (path.endsWith('/status')) return json(res, 200, { status: 'COMPLETED', request_id: 'req-1' });
      return json(res, 200, { images: [{ url: `${server.url}/files/out.jpg` }], has_nsfw_concepts: [false] });
    });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    deps = useMemoryDeps();
    server.requests.length = 0;
    const config = { apiKey: 'test', baseUrl: server.url, timeoutMs: 5_000 };
    const adapters: Record<Provider, () => ProviderAdapter> = {
      fal: () => createFalAdapter({ ...config, pollIntervalMs: 10 }),
      google: () => createGoogleAdapter(config),
      openai: () => createOpenAiAdapter(config),
      local: () => createLocalPreviewAdapter(),
    };
    setDeps({ providers: async (provider) => adapters[provider]() });
    await giveCredits(deps, 'u1', 100);
  });
  afterEach(() => {
    resetDeps();
  });

  it('drawn when absent: stored on the generation, in the result, and in the provider request', async () => {
    const a = await generate('req-seed-000001', { model: 'flux-2' });
    const b = await generate('req-seed-000002', { model: 'flux-2' });
    for (const res of [a, b]) {
      expect(res.status).toBe('succeeded');
      expect(Number.isInteger(res.seed)).toBe(true);
      expect(res.seed).toBeGreaterThanOrEqual(0);
      expect(res.seed).toBeLessThanOrEqual(SEED_MAX);
      expect((await stored(res.generationId)).settings.seed).toBe(res.seed);
    }
    expect(falBodies().map((body) => body.seed)).toEqual([a.seed, b.seed]);
    // Two draws of 2^31 values: equal only by a one-in-two-billion chance.
    expect(a.seed).not.toBe(b.seed);
  });

  it('given: the person’s seed is stored and sent unchanged (0 and the top of the range too)', async () => {
    for (const [n, seed] of [12345, 0, SEED_MAX].entries()) {
      const res = await generate(`req-seed-given${n}`, { model: 'flux-2', seed });
      expect(res.seed).toBe(seed);
      expect((await stored(res.generationId)).settings.seed).toBe(seed);
    }
    expect(falBodies().map((body) => body.seed)).toEqual([12345, 0, SEED_MAX]);
  });

  it('models without seed support store none and send none; a given seed is refused before any charge', async () => {
    const gemini = await generate('req-seed-000003', { model: 'gemini-image' });
    const gpt = await generate('req-seed-000004', { model: 'gpt-image' });
    for (const res of [gemini, gpt]) {
      expect(res.status).toBe('succeeded');
      expect(res).not.toHaveProperty('seed');
      expect((await stored(res.generationId)).settings).not.toHaveProperty('seed');
    }
    expect(sent((p) => p.includes(':generateContent'))[0]).not.toMatch(/seed/i);
    expect(sent((p) => p.startsWith('/images/'))[0]).not.toMatch(/seed/i);
    const before = await balance(deps, 'u1');
    const err = await generate('req-seed-000005', { model: 'gemini-image', seed: 7 }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(errorReason(err)).toBe('unsupported-option');
    expect(await balance(deps, 'u1')).toBe(before);
  });

  it('a comparison draws a seed for each seeded model only', async () => {
    const res = await handleGenerateComparison(
      fakeRequest(
        { requestId: 'req-seed-cmp001', models: ['flux-2', 'gemini-image'], prompt: 'a fox' },
        'u1',
      ),
    );
    const [flux, gemini] = res.results;
    expect(flux).toMatchObject({ status: 'succeeded', seed: falBodies()[0]!.seed });
    expect(gemini!.status).toBe('succeeded');
    expect(gemini).not.toHaveProperty('seed');
  });

  it('Reproduce (same seed and settings) repeats the image; Vary (another seed) changes it', async () => {
    const image = async (requestId: string, seed?: number) => {
      const res = await generate(requestId, {
        model: 'local-preview',
        aspectRatio: '4:3',
        ...(seed === undefined ? {} : { seed }),
      });
      return { seed: res.seed!, bytes: (await deps.blobs.read(res.imagePaths![0]!))!.bytes };
    };
    const first = await image('req-seed-repro01');
    const reproduced = await image('req-seed-repro02', first.seed);
    const varied = await image('req-seed-repro03', (first.seed + 1) % (SEED_MAX + 1));
    expect(Buffer.compare(Buffer.from(reproduced.bytes), Buffer.from(first.bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(varied.bytes), Buffer.from(first.bytes))).not.toBe(0);
  });
});
