// Generation benchmarks (not timed tests): pipeline overhead outside the provider (instant
// in-process provider, in-memory store) p50/p95, and sharp normalise medians of a 12 MP JPEG and
// a 4K PNG made on the fly. `node bench/generation.bench.mjs` prints JSON.
import { pathToFileURL } from 'node:url';
import { importTs } from './lib.mjs';

/** Runs the TypeScript bench body (bundled like the functions build) and returns its numbers. */
export async function generationBench(options = {}) {
  // As in tests, the handlers run as on the Functions emulator: the keyless preview model is
  // offered (never in production).
  process.env.FUNCTIONS_EMULATOR = 'true';
  const { runGenerationBench } = await importTs('bench/generation.bench.ts');
  return runGenerationBench(options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify({ generation: await generationBench() }, null, 2));
}
