import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorReason, collections, MODEL_OVERRIDES_ID } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { handleGetCatalog } from '../catalog/get-catalog.js';
import { handleGenerateImage } from '../generation/generate-image.js';
import { createGoogleAdapter } from '../generation/providers/google.js';
import {
  balance,
  giveCredits,
  sizedJpeg,
  json,
  startServer,
  type TestServer,
} from '../../test/kits/generation.js';

/** The real Google adapter against a fake Gemini API that knows only the models in `live`. */
describe('a model retired by its provider (the fake answers 404)', () => {
  let server: TestServer;
  let live: Set<string>;
  let deps: ReturnType<typeof useMemoryDeps>;
  const generate = (requestId: string) =>
    handleGenerateImage(fakeRequest({ requestId, model: 'gemini-image', prompt: 'a fox' }, 'u1'));
  const entry = async () =>
    (await handleGetCatalog(fakeRequest({}, 'u1'))).models.find((m) => m.id === 'gemini-image');

  beforeAll(async () => {
    const b64 = (await sizedJpeg('1:1', '1k')).toString('base64');
    server = await startServer((req, _body, res) => {
      const name = /models\/([^:]+):generateContent/.exec(req.url ?? '')?.[1] ?? '';
      if (!live.has(name)) {
        return json(res, 404, {
          error: { code: 404, message: `models/${name} is not found`, status: 'NOT_FOUND' },
        });
      }
      json(res, 200, {
        candidates: [
          {
            content: { parts: [{ inlineData: { mimeType: 'image/jpeg', data: b64 } }] },
            finishReason: 'STOP',
          },
        ],
      });
    });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    live = new Set(['gemini-3.2-flash-image']);
    deps = useMemoryDeps();
    setDeps({
      providers: async () => createGoogleAdapter({ apiKey: 'k', baseUrl: server.url, timeoutMs: 2000 }),
    });
    await giveCredits(deps, 'u1', 20);
  });
  afterEach(() => {
    resetDeps();
  });

  it('fails with model-unavailable, refunds, and greys the model out at once', async () => {
    const res = await generate('req-gone-00001');
    expect(res).toMatchObject({ status: 'failed', failureCode: 'model-unavailable' });
    const doc = await deps.store.get(collections.generations.doc('u1', res.generationId));
    expect(doc.data).toMatchObject({ status: 'failed', refunded: true });
    expect(await balance(deps, 'u1')).toBe(20);

    const mark = await deps.store.get(collections.modelStatus.doc('gemini-image'));
    expect(mark.data).toMatchObject({
      state: 'retired',
      providerModel: 'gemini-3.1-flash-image',
      detectedBy: 'call',
    });
    expect(await entry()).toMatchObject({ available: false, unavailableReason: 'retired' });

    // The next person is told before anything is charged; the provider is not called again.
    const calls = server.requests.length;
    const err = await generate('req-gone-00002').catch((e: unknown) => e);
    expect(errorReason(err)).toBe('model-unavailable');
    expect(server.requests.length).toBe(calls);
    expect(await balance(deps, 'u1')).toBe(20);
  });

  it('stays unavailable until an operator re-points the model; then it generates again', async () => {
    await generate('req-gone-00003');
    expect((await entry())?.available).toBe(false);
    await deps.store.batch([
      {
        kind: 'set',
        path: collections.modelOverrides.doc(MODEL_OVERRIDES_ID),
        data: { models: { 'gemini-image': { providerModel: 'gemini-3.2-flash-image' } } },
      },
    ]);
    deps.clock.advance(60_000);
    expect(await entry()).toMatchObject({ available: true, providerModel: 'gemini-3.2-flash-image' });
    await expect(generate('req-gone-00004')).resolves.toMatchObject({ status: 'succeeded', cost: 3 });
    expect(await balance(deps, 'u1')).toBe(17);
  });
});
