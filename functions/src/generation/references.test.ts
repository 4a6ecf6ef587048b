// Several reference images with roles: limits from the effective catalog, roles only where the
// model takes them, one intake for every reference, nothing charged for a bad one, nothing stored.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MODELS, errorReason, collections, type ModelInfo, MODEL_OVERRIDES_ID } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { handleGenerateComparison } from './generate-comparison.js';
import { handleGenerateImage } from './generate-image.js';
import { publicAddressPolicy } from './intake/address-policy.js';
import type { ImageInput } from './providers/types.js';
import {
  balance,
  dataUrl,
  giveCredits,
  jpeg,
  providerImages,
  startServer,
  type TestServer,
} from '../../test/kits/generation.js';

describe('several references with roles', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let calls: { model: string; input: ImageInput }[];
  let red: string;
  let server: TestServer;

  const generate = (extra: Record<string, unknown>, requestId = 'req-refs-000001') =>
    handleGenerateImage(fakeRequest({ requestId, model: 'gemini-image', prompt: 'a fox', ...extra }, 'u1'));
  const failure = (p: Promise<unknown>) => p.catch((e: unknown) => e);
  const generations = async () =>
    (await deps.store.query({ collection: collections.generations.in('u1') })).map((s) => s.data!);
  /** An operator-added model: a copy of GPT Image with some capabilities changed. */
  const addModel = async (changes: Partial<ModelInfo>) => {
    const added = {
      ...MODELS.find((m) => m.id === 'gpt-image')!,
      id: 'gpt-image-test',
      label: 'Test',
      ...changes,
    };
    delete (added as Partial<ModelInfo>).source;
    await deps.store.batch([
      { kind: 'set', path: collections.modelOverrides.doc(MODEL_OVERRIDES_ID), data: { added: [added] } },
    ]);
  };

  beforeAll(async () => {
    red = dataUrl(await jpeg(64, 48));
    const served = await jpeg(3000, 2000, { r: 30, g: 160, b: 60 });
    server = await startServer((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(served);
    });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    deps = useMemoryDeps();
    calls = [];
    // Tests allow the loopback fixture only; every other address keeps the production policy.
    setDeps({
      pipeline: {
        intake: { policy: (ip) => ip === '127.0.0.1' || publicAddressPolicy(ip) },
      },
    });
    setDeps({
      providers: async () => ({
        generate: async (model, input) => {
          calls.push({ model: model.id, input });
          return providerImages(model, input);
        },
      }),
    });
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    resetDeps();
  });

  it('subject, scene and style reach the model in order; the generation keeps only their roles', async () => {
    const url = `${server.url}/scene.jpg`;
    const res = await generate({
      references: [
        { source: { dataUrl: red }, role: 'subject' },
        { source: { url }, role: 'scene' },
        { source: { dataUrl: red }, role: 'style' },
      ],
    });
    expect(res).toMatchObject({ status: 'succeeded', cost: 3 });
    const sent = calls[0]!.input.references!;
    expect(sent.map((r) => r.role)).toEqual(['subject', 'scene', 'style']);
    // Normalised for the model: the 3000 px scene comes down to Gemini's 1536 px.
    expect(sent[1]).toMatchObject({ contentType: 'image/jpeg', width: 1536, height: 1024 });
    const [doc] = await generations();
    expect(doc!.settings).toMatchObject({
      withReference: true,
      referenceRoles: ['subject', 'scene', 'style'],
    });
    // Source images and their addresses are never stored: not on the document, not as files.
    const stored = JSON.stringify(doc);
    expect(stored).not.toContain('data:');
    expect(stored).not.toContain('127.0.0.1');
    expect(stored).not.toContain('scene.jpg');
    const files = await deps.blobs.list('');
    expect(files.every((f) => f.startsWith(`users/u1/generations/${res.generationId}-`))).toBe(true);
  });

  it("more references than the model's limit → invalid-argument / too-many-references, nothing charged", async () => {
    const five = Array.from({ length: 5 }, () => ({ source: { dataUrl: red } }));
    const err = await failure(generate({ model: 'flux-2', references: five }));
    expect(err).toMatchObject({
      code: 'invalid-argument',
      details: { reason: 'too-many-references', maxReferences: 4, references: 5 },
    });
    expect((err as Error).message).toMatch(/at most 4 reference image\(s\); this request has 5/);
    expect(await balance(deps, 'u1')).toBe(50);
    expect(calls).toHaveLength(0);
    expect(await generations()).toHaveLength(0);
  });

  it("the limit comes from the effective catalog: an operator's model with maxReferences 2", async () => {
    await addModel({ maxReferences: 2 });
    const refs = (n: number) => Array.from({ length: n }, () => ({ source: { dataUrl: red } }));
    const err = await failure(generate({ model: 'gpt-image-test', references: refs(3) }, 'req-refs-000002'));
    expect(errorReason(err)).toBe('too-many-references');
    await expect(
      generate({ model: 'gpt-image-test', references: refs(2) }, 'req-refs-000003'),
    ).resolves.toMatchObject({ status: 'succeeded' });
    expect(calls[0]!.input.references).toHaveLength(2);
  });

  it('a model without reference support refuses any reference, with a reason', async () => {
    await addModel({ capabilities: ['text-to-image'], maxReferences: 0 });
    const err = await failure(
      generate({ model: 'gpt-image-test', references: [{ source: { dataUrl: red } }] }),
    );
    expect(err).toMatchObject({ code: 'invalid-argument', details: { reason: 'unsupported-option' } });
    expect((err as Error).message).toMatch(/cannot use reference images/);
    expect(await balance(deps, 'u1')).toBe(50);
  });

  it('roles only where the model takes them; plain references still work there', async () => {
    await addModel({ referenceRoles: false });
    const withRole = await failure(
      generate({ model: 'gpt-image-test', references: [{ source: { dataUrl: red }, role: 'style' }] }),
    );
    expect(withRole).toMatchObject({ code: 'invalid-argument', details: { reason: 'unsupported-option' } });
    expect((withRole as Error).message).toMatch(/subject, scene and style/);
    const plain = await generate(
      { model: 'gpt-image-test', references: [{ source: { dataUrl: red } }] },
      'req-refs-000004',
    );
    expect(plain.status).toBe('succeeded');
    expect((await generations())[0]!.settings.referenceRoles).toEqual(['plain']);
  });

  it('one bad reference fails the request before any credit is reserved, and says which one', async () => {
    const svg = dataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml');
    const err = await failure(
      generate({
        references: [
          { source: { dataUrl: red }, role: 'subject' },
          { source: { dataUrl: svg }, role: 'scene' },
          { source: { url: 'http://169.254.169.254/latest/meta-data/' }, role: 'style' },
        ],
      }),
    );
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(['image-unsupported-type', 'url-not-allowed']).toContain(errorReason(err));
    expect([1, 2]).toContain((err as { details?: { reference?: number } }).details?.reference);
    expect((err as Error).message).toMatch(/^Reference image [23]: /);
    expect(await balance(deps, 'u1')).toBe(50);
    expect(await generations()).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('the legacy single `reference` (older extension builds) is one plain reference', async () => {
    const res = await generate({ reference: { dataUrl: red } });
    expect(res.status).toBe('succeeded');
    expect(calls[0]!.input.references).toHaveLength(1);
    expect(calls[0]!.input.references![0]!.role).toBeUndefined();
    expect((await generations())[0]!.settings).toMatchObject({
      withReference: true,
      referenceRoles: ['plain'],
    });
    const both = await failure(
      generate(
        { reference: { dataUrl: red }, references: [{ source: { dataUrl: red } }] },
        'req-refs-000005',
      ),
    );
    expect(both).toMatchObject({ code: 'invalid-argument' });
    expect((both as Error).message).toMatch(/reference/);
  });

  it('a comparison normalises each reference once per model limit and keeps the roles', async () => {
    const res = await handleGenerateComparison(
      fakeRequest(
        {
          requestId: 'req-refs-cmp001',
          models: ['gemini-image', 'gpt-image'],
          prompt: 'a fox',
          references: [{ source: { url: `${server.url}/big.jpg` }, role: 'scene' }],
        },
        'u1',
      ),
    );
    expect(res.results.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const byModel = Object.fromEntries(calls.map((c) => [c.model, c.input.references![0]!]));
    expect(byModel['gemini-image']).toMatchObject({ role: 'scene', width: 1536 });
    expect(byModel['gpt-image']).toMatchObject({ role: 'scene', width: 2048 });
    for (const doc of await generations()) expect(doc.settings.referenceRoles).toEqual(['scene']);
  });
});
