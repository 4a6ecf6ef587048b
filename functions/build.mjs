// Bundles functions/src into functions/lib so the folder `firebase deploy` uploads works on its
// own: workspace packages (@mimicit/shared) and their dependencies are inlined; the runtime
// dependencies listed in functions/package.json stay external and are installed by Cloud Build.
//
// `--local` builds the local backend instead (src/local/main.ts → lib-local/, see README "Local
// mode"): a separate entry, never imported by src/index.ts, into a folder firebase.json's
// functions `ignore` list keeps out of every deploy. `--watch` rebuilds on change.
import { build, context } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);

/** Local mode only: every npm package stays external (dev tools such as express included). */
const packagesExternal = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@mimicit/') || args.path.startsWith('node:')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * esbuild options of the deploy bundle, or with `local` of the local backend (scripts/dev.mjs
 * uses them to rebuild and restart the backend on change).
 * @returns {import('esbuild').BuildOptions}
 */
export function buildOptions(local = false) {
  return {
    entryPoints: [new URL(local ? './src/local/main.ts' : './src/index.ts', import.meta.url).pathname],
    outdir: new URL(local ? './lib-local' : './lib', import.meta.url).pathname,
    // Dynamic import() becomes a separate chunk, so heavy SDKs load only in the code paths that
    // need them and each function's cold start stays small.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    sourcemap: true,
    external: local ? [] : external,
    plugins: local ? [packagesExternal] : [],
    metafile: true,
    logLevel: 'warning',
    // Some inlined CommonJS code calls require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  };
}

async function main() {
  const local = process.argv.includes('--local');
  const options = buildOptions(local);
  rmSync(options.outdir, { recursive: true, force: true });
  if (process.argv.includes('--watch')) {
    const ctx = await context({ ...options, logLevel: 'info' });
    await ctx.watch();
    console.log(`functions${local ? ' (local backend)' : ''}: watching for changes`);
    return;
  }
  const result = await build(options);
  const inputs = Object.keys(result.metafile.inputs);
  if (!inputs.some((p) => p.includes('packages/shared')))
    throw new Error('functions build: @mimicit/shared was not bundled');
  if (!local && inputs.some((p) => p.includes('src/local/') || p.includes('packages/client-data'))) {
    throw new Error('functions build: local-mode code reached the deploy bundle');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
