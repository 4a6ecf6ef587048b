// Bundles functions/src into functions/lib so the folder `firebase deploy` uploads works on its
// own: workspace packages (@mimicit/shared) and their dependencies are inlined; the runtime
// dependencies listed in functions/package.json stay external and are installed by Cloud Build.
import { build, context } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: [new URL('./src/index.ts', import.meta.url).pathname],
  outdir: new URL('./lib', import.meta.url).pathname,
  // Dynamic import() becomes a separate chunk, so heavy SDKs load only in the code paths that
  // need them and each function's cold start stays small.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: true,
  external,
  metafile: true,
  logLevel: 'warning',
  // Some inlined CommonJS code calls require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

rmSync(new URL('./lib', import.meta.url).pathname, { recursive: true, force: true });

if (process.argv.includes('--watch')) {
  const ctx = await context({ ...options, logLevel: 'info' });
  await ctx.watch();
  console.log('functions: watching for changes');
} else {
  const result = await build(options);
  const inlinedWorkspace = Object.keys(result.metafile.inputs).some((p) => p.includes('packages/shared'));
  if (!inlinedWorkspace) throw new Error('functions build: @mimicit/shared was not bundled');
}
