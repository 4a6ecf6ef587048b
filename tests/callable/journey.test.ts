// One person's whole journey across functions, through the real Auth + Functions emulators.
// The harness runs every function in one worker, so they share one in-memory database here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  CALLABLES,
  deleteGenerationResponseSchema,
  ensureProfileResponseSchema,
  exportMyDataResponseSchema,
  generationResultSchema,
} from '@mimicit/shared';
import { createClient, type TestClient } from '../harness/client';

describe('sign-up → describe → generate → export → delete, across functions', () => {
  let c: TestClient;
  let dataUrl: string;

  beforeAll(async () => {
    c = createClient();
    await c.signUp();
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6fdb' } })
      .jpeg()
      .toBuffer();
    dataUrl = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  });
  afterAll(async () => c?.close());

  const credits = async () =>
    ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, {})).profile.credits;

  it('spends exactly what each step costs and keeps every result', async () => {
    expect(
      ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, { locale: 'en' })).granted,
    ).toBe(true);
    expect(await credits()).toBe(10);

    const described = generationResultSchema.parse(
      await c.call(CALLABLES.describeImage, {
        requestId: 'journey-describe-1',
        model: 'local-preview',
        source: { dataUrl },
        style: 'midjourney',
      }),
    );
    expect(described).toMatchObject({ status: 'succeeded', cost: 1, replayed: false });
    // The preview model reads the real image: landscape 16:10 → Midjourney's --ar.
    expect(described.resultPrompts?.[0]).toMatch(/--ar 8:5/);

    const generated = generationResultSchema.parse(
      await c.call(CALLABLES.generateImage, {
        requestId: 'journey-generate-1',
        model: 'local-preview',
        prompt: described.resultPrompts![0]!.replace(/--ar.*$/, '').trim(),
        reference: { dataUrl },
        aspectRatio: '16:9',
      }),
    );
    expect(generated).toMatchObject({ status: 'succeeded', cost: 1 });
    expect(generated.imagePaths).toHaveLength(1);

    // A retry of the same request is the same generation and costs nothing.
    const replay = generationResultSchema.parse(
      await c.call(CALLABLES.generateImage, {
        requestId: 'journey-generate-1',
        model: 'local-preview',
        prompt: 'anything',
      }),
    );
    expect(replay).toMatchObject({ generationId: generated.generationId, replayed: true });
    expect(await credits()).toBe(8);

    const exported = exportMyDataResponseSchema.parse(await c.call(CALLABLES.exportMyData, {}));
    expect(exported.delivery).toBe('inline');
    if (exported.delivery !== 'inline') return;
    expect(exported.document.generations.map((g) => g.id).sort()).toEqual(
      [described.generationId, generated.generationId].sort(),
    );
    expect(exported.document.ledger.reduce((sum, e) => sum + e.delta, 0)).toBe(8);

    const deleted = deleteGenerationResponseSchema.parse(
      await c.call(CALLABLES.deleteGeneration, { generationId: generated.generationId }),
    );
    expect(deleted).toEqual({ deleted: true, imagesDeleted: 1 });
    const after = exportMyDataResponseSchema.parse(await c.call(CALLABLES.exportMyData, {}));
    if (after.delivery !== 'inline') throw new Error('expected an inline export');
    expect(after.document.generations.map((g) => g.id)).toEqual([described.generationId]);
    // Deleting history never refunds or charges: the balance is what was spent.
    expect(await credits()).toBe(8);
  });
});
