import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MODELS, type ModelInfo } from '@mimicit/shared';
import { jpeg } from '../testing/fixtures.js';
import { normalizeImage, type NormalizedImage } from '../intake/normalize.js';
import { createLocalPreviewAdapter, sizeFor } from './local-preview.js';

const preview = MODELS.find((m) => m.id === 'local-preview') as ModelInfo;

describe('local-preview (keyless, derived from the image itself)', () => {
  let red: NormalizedImage;
  const adapter = createLocalPreviewAdapter();
  beforeAll(
    async () =>
      (red = await normalizeImage(await jpeg(1200, 800, { r: 210, g: 30, b: 30 }), { maxSide: 1024 })),
  );

  it('describes size, proportions and dominant colour, in English and Japanese', async () => {
    const en = await adapter.describe!(preview, {
      image: red,
      language: 'en',
      style: 'natural',
      variants: 2,
    });
    expect(en.prompts).toHaveLength(2);
    expect(en.prompts[0]).toMatch(/landscape composition \(1200×800, ratio 3:2\)/);
    expect(en.prompts[0]).toMatch(/red/);
    const ja = await adapter.describe!(preview, {
      image: red,
      language: 'ja',
      style: 'midjourney',
      variants: 1,
    });
    expect(ja.prompts[0]).toMatch(/横長/);
    expect(ja.prompts[0]).toMatch(/赤/);
    expect(ja.prompts[0]).toMatch(/--ar 3:2$/);
    const sd = await adapter.describe!(preview, {
      image: red,
      language: 'en',
      style: 'stable-diffusion',
      variants: 1,
    });
    expect(sd.negativePrompt).toMatch(/lowres/);
  });

  it('makes real images at the requested aspect ratio, from a prompt or a reference', async () => {
    const [fromPrompt] = await adapter.generate!(preview, {
      prompt: 'sunset',
      aspectRatio: '16:9',
      resolution: '1k',
      count: 1,
    });
    expect(await sharp(fromPrompt!.bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 1024,
      height: 576,
    });
    const two = await adapter.generate!(preview, {
      prompt: 'sunset',
      references: [red],
      aspectRatio: '3:4',
      resolution: '1k',
      count: 2,
    });
    expect(two).toHaveLength(2);
    expect(await sharp(two[0]!.bytes).metadata()).toMatchObject({ width: 768, height: 1024 });
    expect(Buffer.compare(Buffer.from(two[0]!.bytes), Buffer.from(two[1]!.bytes))).not.toBe(0);
    expect(sizeFor('9:16')).toEqual({ width: 576, height: 1024 });
  });

  it('2K doubles the long side (within the output check of the 2K tier)', async () => {
    const [out] = await adapter.generate!(preview, {
      prompt: 'sunset',
      references: [red],
      aspectRatio: '4:3',
      resolution: '2k',
      count: 1,
    });
    expect(await sharp(out!.bytes).metadata()).toMatchObject({ width: 2048, height: 1536 });
  });

  it('uses every reference: side by side in request order, each still its own colour', async () => {
    const solid = async (color: { r: number; g: number; b: number }) =>
      normalizeImage(await jpeg(600, 600, color), { maxSide: 1024 });
    const references = [
      { ...(await solid({ r: 220, g: 20, b: 20 })), role: 'subject' as const },
      { ...(await solid({ r: 20, g: 200, b: 20 })), role: 'scene' as const },
      { ...(await solid({ r: 20, g: 20, b: 220 })), role: 'style' as const },
    ];
    const [out] = await adapter.generate!(preview, {
      prompt: 'remix',
      references,
      aspectRatio: '1:1',
      resolution: '1k',
      count: 1,
      seed: 7,
    });
    // The middle of each third, below the role band and above the PREVIEW band.
    const dominant = async (left: number) => {
      const region = await sharp(out!.bytes).extract({ left, top: 400, width: 120, height: 200 }).toBuffer();
      const { channels } = await sharp(region).stats(); // stats() reads its input, not a pipeline
      const means = channels.slice(0, 3).map((c) => c.mean);
      return ['red', 'green', 'blue'][means.indexOf(Math.max(...means))];
    };
    expect([await dominant(110), await dominant(452), await dominant(794)]).toEqual(['red', 'green', 'blue']);
  });

  it('the seed decides the result: the same seed repeats it, another one varies it', async () => {
    const run = (seed: number) =>
      adapter.generate!(preview, {
        prompt: 'remix',
        references: [red],
        aspectRatio: '4:3',
        resolution: '1k',
        count: 1,
        seed,
      });
    const [a] = await run(1);
    const [again] = await run(1);
    const [other] = await run(2);
    expect(Buffer.compare(Buffer.from(a!.bytes), Buffer.from(again!.bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(a!.bytes), Buffer.from(other!.bytes))).not.toBe(0);
  });
});
