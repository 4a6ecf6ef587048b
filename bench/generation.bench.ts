/**
 * Benchmark body (bundled and run by bench/generation.bench.mjs; not part of the deploy):
 * pipeline overhead outside the provider with an instant in-process provider, and sharp
 * normalisation of a 12 MP JPEG and a 4K PNG made on the fly.
 */
import sharp from 'sharp';
import { useMemoryDeps, fakeRequest } from '../functions/test/kits/handlers.js';
import { setDeps, resetDeps } from '../functions/src/lib/deps.js';
import { applyCreditChange } from '../functions/src/credits/ledger.js';
import { handleGenerateImage } from '../functions/src/generation/generate-image.js';
import { normalizeImage } from '../functions/src/generation/intake/normalize.js';

export interface GenerationBenchResult {
  pipeline: { iterations: number; p50Ms: number; p95Ms: number };
  normalize: {
    jpeg12mp: { inputBytes: number; medianMs: number };
    png4k: { inputBytes: number; medianMs: number };
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs both measurements and returns the numbers. */
export async function runGenerationBench(
  options: { iterations?: number; runs?: number } = {},
): Promise<GenerationBenchResult> {
  const iterations = options.iterations ?? 200;
  const runs = options.runs ?? 7;

  const deps = useMemoryDeps();
  // The size the request asks for (1:1 at 1K): any other is refunded as provider-wrong-size,
  // and the bench would time the failure path instead of a generation.
  const result = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#3366cc' } })
    .jpeg()
    .toBuffer();
  setDeps({ providers: async () => ({ generate: async () => [{ bytes: result }] }) });
  setDeps({ pipeline: { maxConcurrentPending: 1_000, maxRequestsPerMinute: 1_000_000 } });
  await applyCreditChange(
    deps.store,
    'bench',
    { entryId: 'purchase-bench', delta: iterations * 2, reason: 'purchase', ref: 'bench' },
    deps.clock.now(),
  );
  const samples: number[] = [];
  for (let i = 0; i < iterations + 10; i++) {
    const ms = await timed(async () => {
      const res = await handleGenerateImage(
        fakeRequest(
          { requestId: `bench-req-${i}`, model: 'local-preview', prompt: 'a quiet harbour at dawn' },
          'bench',
        ),
      );
      if (res.status !== 'succeeded') throw new Error(`generation ${res.failureCode}`);
    });
    if (i >= 10) samples.push(ms); // the first calls warm up module loading
  }
  resetDeps();
  samples.sort((a, b) => a - b);

  // Smooth noise keeps the files realistic in size but under the 10 MB intake limit.
  const jpeg12 = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .jpeg({ quality: 85 })
    .toBuffer();
  const png4k = await sharp({
    create: {
      width: 3840,
      height: 2160,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 120, sigma: 20 },
    },
  })
    .blur(3)
    .png({ compressionLevel: 9 })
    .toBuffer();
  const median = async (input: Buffer) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timed(() => normalizeImage(input, { maxSide: 2048 })));
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? 0;
  };
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    pipeline: { iterations, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) },
    normalize: {
      jpeg12mp: { inputBytes: jpeg12.length, medianMs: round(await median(jpeg12)) },
      png4k: { inputBytes: png4k.length, medianMs: round(await median(png4k)) },
    },
  };
}
