// Bundles one TypeScript entry of the repo (workspace packages inlined, npm dependencies left
// external) into node_modules/.cache and imports it, so a script can run functions code without
// a TypeScript runtime. Used by `npm run models:check` and the cold-load bench.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Builds `entry` (relative to the repo root) and returns its module namespace. */
export async function importTs(entry) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'functions/package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).flatMap((n) => [n, `${n}/*`]);
  const outdir = join(ROOT, 'node_modules/.cache/mimicit');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
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
  return import(pathToFileURL(outfile).href);
}
