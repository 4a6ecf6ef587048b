// Generation benchmarks (not timed tests): pipeline overhead outside the provider (instant
// in-process provider, in-memory store) p50/p95, and sharp normalise medians of a 12 MP JPEG and
// a 4K PNG made on the fly. `node bench/generation.bench.mjs` prints JSON; import
// `generationBench()` to get the numbers as an object.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;

/** Bundles the TypeScript bench body next to node_modules and runs it. */
export async function generationBench(options = {}) {
  const pkg = JSON.parse(readFileSync(`${ROOT}functions/package.json`, 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
  const outdir = `${ROOT}node_modules/.cache/mimicit-bench`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/generation-${Date.now()}.mjs`;
  await build({
    entryPoints: [`${ROOT}functions/src/generation/bench-entry.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  // VITEST makes allowPreviewModel() true, as in tests: the bench uses the keyless model.
  process.env.VITEST = 'true';
  const { runGenerationBench } = await import(pathToFileURL(outfile).href);
  return runGenerationBench(options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await generationBench();
  console.log(JSON.stringify({ generation: result }, null, 2));
}
