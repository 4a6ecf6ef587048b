/**
 * Bytes to draw one History page of 20 items (bundled and run by `npm run bench`; not part of the
 * deploy). Twenty image generations go through the real pipeline (handleGenerateImage → store
 * images → thumbnails) with an in-process provider that answers photo-like images of the size and
 * format each model really returns: Gemini PNG at 1K, GPT Image JPEG at 1K and 2K, FLUX.2 JPEG at
 * 1K and 2K, across the common aspect ratios. A list draws each item's first image: "before" sums
 * the full images (what History downloaded before thumbnails), "after" the thumbnails written
 * next to them. That the web page downloads exactly those thumbnails and nothing else for its
 * images, byte for byte, is checked in Chromium by tests/browser/journey-remix.test.ts.
 */
import sharp from 'sharp';
import { paths, type AspectRatio, type GenerationDoc, type Resolution } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../functions/src/lib/testing.js';
import { setDeps } from '../functions/src/lib/deps.js';
import { applyCreditChange } from '../functions/src/credits/ledger.js';
import { handleGenerateImage } from '../functions/src/generation/generate-image.js';
import { setPipelineOptions } from '../functions/src/generation/options.js';
import { fluxImageSize } from '../functions/src/generation/providers/fal.js';
import { GEMINI_IMAGE_SIZES } from '../functions/src/generation/providers/google.js';
import { gptImageSize } from '../functions/src/generation/providers/openai.js';
import { setProviderRegistry } from '../functions/src/generation/providers/registry.js';

export const HISTORY_PAGE = 20;
/** The budget for one page of thumbnails (issue 18). */
export const HISTORY_PAGE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** Gemini's documented 1K sizes (2K doubles them). */
const GEMINI_1K: Partial<Record<AspectRatio, [number, number]>> = {
  '1:1': [1024, 1024],
  '4:3': [1200, 896],
  '3:4': [896, 1200],
  '16:9': [1376, 768],
  '9:16': [768, 1376],
};

interface Item {
  model: string;
  aspectRatio: AspectRatio;
  resolution: Resolution;
}

/** A page's worth of requests, mixed the way a person's history is. */
const ITEMS: Item[] = Array.from({ length: HISTORY_PAGE }, (_, i) => {
  const ratios: AspectRatio[] = ['1:1', '4:3', '16:9', '3:4', '9:16'];
  const kinds: [string, Resolution][] = [
    ['gemini-image', '1k'],
    ['gpt-image', '1k'],
    ['flux-2', '1k'],
    ['gpt-image', '2k'],
    ['flux-2', '2k'],
  ];
  const [model, resolution] = kinds[i % kinds.length]!;
  return { model, resolution, aspectRatio: ratios[Math.floor(i / kinds.length) % ratios.length]! };
});

function sizeOf(item: Item): { width: number; height: number; format: 'png' | 'jpeg' } {
  if (item.model === 'gemini-image') {
    const [w, h] = GEMINI_1K[item.aspectRatio]!;
    const k = GEMINI_IMAGE_SIZES[item.resolution] === '2K' ? 2 : 1;
    return { width: w * k, height: h * k, format: 'png' };
  }
  if (item.model === 'gpt-image') {
    const [width, height] = gptImageSize(item.aspectRatio, item.resolution).split('x').map(Number) as [
      number,
      number,
    ];
    return { width, height, format: 'jpeg' };
  }
  return { ...fluxImageSize(item.aspectRatio, item.resolution), format: 'jpeg' };
}

/** A small seeded generator (mulberry32), so every run draws the same pictures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Photo-like content: detail at every scale, as in a photograph. Large soft shapes, texture that
 * still shows at thumbnail size (as foliage, fabric or skin do) and fine grain that only weighs
 * on full-size files; neither flat colour nor pure noise, both of which would flatter one side
 * of the comparison.
 */
async function photoLike(size: { width: number; height: number; format: 'png' | 'jpeg' }): Promise<Buffer> {
  const rand = random(size.width * 31 + size.height);
  const { width, height } = size;
  const shapes = Array.from({ length: 90 }, () => {
    const [r, g, b] = [rand(), rand(), rand()].map((v) => Math.round(v * 255));
    const rx = Math.round((0.03 + rand() * 0.2) * width);
    const ry = Math.round((0.03 + rand() * 0.2) * height);
    return `<ellipse cx="${Math.round(rand() * width)}" cy="${Math.round(rand() * height)}" rx="${rx}" ry="${ry}" fill="rgb(${r},${g},${b})" fill-opacity="${(0.3 + rand() * 0.6).toFixed(2)}"/>`;
  }).join('');
  const scene = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
        `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/>` +
        `<stop offset="1" stop-color="#3d5a40"/></linearGradient></defs>` +
        `<rect width="100%" height="100%" fill="url(#sky)"/>${shapes}</svg>`,
    ),
  )
    .blur(2)
    .png()
    .toBuffer();
  const noise = (scale: number, sigma: number) =>
    sharp({
      create: {
        width: Math.ceil(width / scale),
        height: Math.ceil(height / scale),
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma },
      },
    })
      .resize(width, height, { kernel: 'cubic' })
      .png()
      .toBuffer();
  const image = sharp(scene).composite([
    { input: await noise(3, 30), blend: 'overlay' },
    { input: await noise(1, 18), blend: 'overlay' },
  ]);
  return size.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

export interface HistoryBytesResult {
  items: number;
  fullImagesBytes: number;
  thumbnailsBytes: number;
  documentsBytes: number;
  budgetBytes: number;
  pass: boolean;
}

/** Generates one page of history and sums what drawing it downloads, with and without thumbnails. */
export async function runHistoryBytesBench(): Promise<HistoryBytesResult> {
  const deps = useMemoryDeps();
  const uid = 'bench-history';
  const made = new Map<string, Promise<Buffer>>();
  setPipelineOptions({ maxConcurrentPending: 1_000, maxRequestsPerMinute: 1_000_000 });
  setProviderRegistry(async () => ({
    generate: async (model, input) => {
      const size = sizeOf({ model: model.id, aspectRatio: input.aspectRatio, resolution: input.resolution });
      const key = `${size.width}x${size.height}.${size.format}`;
      if (!made.has(key)) made.set(key, photoLike(size));
      return [{ bytes: await made.get(key)! }];
    },
  }));
  try {
    await applyCreditChange(
      deps.store,
      uid,
      { entryId: 'grant-bench', delta: 1_000, reason: 'grant', ref: 'bench' },
      deps.clock.now(),
    );
    let full = 0;
    let thumbs = 0;
    let docs = 0;
    for (const [i, item] of ITEMS.entries()) {
      const res = await handleGenerateImage(
        fakeRequest({ requestId: `bench-history-${i}`, prompt: 'a harbour at dawn', ...item }, uid),
      );
      if (res.status !== 'succeeded')
        throw new Error(`${item.model} ${res.failureCode}: ${res.failureReason}`);
      const doc = (await deps.store.get<GenerationDoc>(paths.generation(uid, res.generationId))).data!;
      const first = doc.images![0]!;
      full += (await deps.blobs.read(first.path))!.bytes.length;
      thumbs += (await deps.blobs.read(first.thumbnail!.path))!.bytes.length;
      docs += Buffer.byteLength(JSON.stringify(doc));
    }
    return {
      items: ITEMS.length,
      fullImagesBytes: full,
      thumbnailsBytes: thumbs,
      documentsBytes: docs,
      budgetBytes: HISTORY_PAGE_BUDGET_BYTES,
      pass: thumbs <= HISTORY_PAGE_BUDGET_BYTES,
    };
  } finally {
    setProviderRegistry(undefined);
    setPipelineOptions();
    setDeps({});
  }
}
