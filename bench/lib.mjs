// Small helpers shared by the benchmarks.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * Bundles a TypeScript bench module (which imports functions/ code) into artifacts/ and imports
 * it, so benches run the same code the functions build ships.
 */
export async function importTs(entry) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'functions', 'package.json'), 'utf8'));
  const outfile = join(ROOT, 'artifacts', 'bench', `${entry.replaceAll('/', '_')}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: [...Object.keys(pkg.dependencies), 'vitest'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'error',
  });
  return import(`${outfile}?t=${Date.now()}`);
}
