// `firebase deploy` uploads functions/ alone and Cloud Build installs only what its package.json
// lists. The built bundle must therefore import nothing else: no workspace package, no hoisted
// dependency of another workspace. Neither test support (functions/test) nor local mode ships:
// none of their code is in the bundle, and local mode's build folder is on firebase.json's
// ignore list.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FUNCTIONS = join(import.meta.dirname, '..', '..', 'functions');
const LIB = join(FUNCTIONS, 'lib');
const REPO = join(FUNCTIONS, '..');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** `firebase-admin/auth` → `firebase-admin`; `@google/genai/node` → `@google/genai`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('the functions deploy artifact', () => {
  it('imports only node built-ins and its own dependencies', () => {
    if (!existsSync(join(LIB, 'index.js')))
      throw new Error('functions/lib is missing: run `npm run build -w functions`.');
    const pkg = JSON.parse(readFileSync(join(FUNCTIONS, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const imported = new Set<string>();
    for (const file of jsFiles(LIB)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(
        /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)["']([^"'.][^"']*)["']/g,
      )) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        imported.add(packageOf(spec));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((p) => !allowed.has(p)).sort()).toEqual([]);
    expect(Object.keys(pkg.dependencies).some((d) => d.startsWith('@mimicit/'))).toBe(false);
  });

  it('holds no test support and no test: every source in its source maps is production code', () => {
    // Source-map sources are relative to their map; made relative to the repository here.
    const sources = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js.map'))
      .flatMap((f) => {
        const map = JSON.parse(readFileSync(join(LIB, f), 'utf8')) as { sources: string[] };
        return map.sources.map((s) => relative(REPO, resolve(dirname(join(LIB, f)), s)));
      });
    const ours = sources.filter((s) => !s.includes('node_modules/'));
    // The bundle is made of functions/src and the shared package, nothing else of ours.
    expect(ours).toContain('functions/src/lib/deps.ts');
    expect(ours.filter((s) => !/^(functions\/src|packages\/shared\/src)\//.test(s))).toEqual([]);
    expect(ours.filter((s) => /\.test\.ts$|\/testing\//.test(s))).toEqual([]);
    expect(sources.filter((s) => /node_modules\/(vitest|@vitest)\//.test(s))).toEqual([]);
  });

  it('holds no local-mode code, and the local build folder is never uploaded', () => {
    const bundle = jsFiles(LIB).map((f) => readFileSync(f, 'utf8'));
    // Markers of functions/src/local and packages/client-data: the data API's paths, the
    // emulator-only debug features the local entry point sets (`enableCors` beside
    // `skipTokenVerification`, which lib/app-check-mode.ts reads to keep App Check enforced
    // wherever tokens are verified), the local test checkout.
    for (const marker of ['/local/v1/', 'enableCors', 'price_local_', 'Test checkout']) {
      expect(
        bundle.filter((src) => src.includes(marker)),
        marker,
      ).toEqual([]);
    }
    const firebase = JSON.parse(readFileSync(join(FUNCTIONS, '..', 'firebase.json'), 'utf8')) as {
      functions: { source: string; ignore: string[] }[];
    };
    expect(firebase.functions.map((f) => [f.source, f.ignore.includes('lib-local')])).toEqual([
      ['functions', true],
    ]);
  });
});
