// Cold module load of the functions bundle in fresh Node processes: what every instance pays
// before its first request — firebase-functions' own load, and what our code adds on top of it,
// measured in the same process — and the extra cost of each heavy SDK a code path imports lazily.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, median } from './lib.mjs';
import { importTs } from '../scripts/lib/run-ts.mjs';

// Provider SDKs come from the one provider table (functions/src/generation/providers/table.ts).
const { PROVIDER_TABLE, providersFor } = await importTs('functions/src/generation/providers/table.ts');
/** The SDKs of every provider that can serve `role`, in table order, without repeats. */
const providerSdks = (...roles) => [
  ...new Set(roles.flatMap((role) => providersFor(role)).flatMap((p) => PROVIDER_TABLE[p].sdks)),
];

/**
 * What our bundle may add to a cold start on top of firebase-functions' own load (ms). The
 * trigger SDK's load (150–270 ms on this machine, depending on its load) is a floor no code of
 * ours can lower, so the budget is on what sits above it: our code, zod and the shared package.
 */
export const COLD_LOAD_BUDGET_MS = 100;
const RUNS = 7;

/** Node's `import` of `specifier` in a fresh process, in ms. */
function timeImport(specifier, cwd) {
  const code = `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${specifier} failed: ${r.stderr.slice(0, 400)}`);
  return Number(r.stdout.trim().split('\n').at(-1));
}

/** The firebase-functions entries the bundle's index imports before anything else can run. */
function triggerSdkEntries(fnDir) {
  const index = readFileSync(join(fnDir, 'lib', 'index.js'), 'utf8');
  return [...new Set([...index.matchAll(/from\s*"(firebase-functions[^"]*)"/g)].map((m) => m[1]))].sort();
}

/**
 * One fresh process loads firebase-functions' entries first, then the bundle: the second
 * import finds the SDK already loaded, so it times exactly what our code adds, and both numbers
 * come from the same process under the same machine load.
 */
function timeColdStart(fnDir, sdkEntries) {
  const code = [
    'const t0=performance.now();',
    `await Promise.all(${JSON.stringify(sdkEntries)}.map((s)=>import(s)));`,
    'const t1=performance.now();',
    "await import('./lib/index.js');",
    'console.log(JSON.stringify({sdk:t1-t0,ours:performance.now()-t1}));',
  ].join('');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: fnDir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`loading the bundle failed: ${r.stderr.slice(0, 400)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** Which lazily imported SDKs each function's code path needs (providers from the table). */
export const FUNCTION_SDKS = {
  // Reads the runtime catalog (operator overrides, retirement marks) from Firestore.
  getCatalog: ['firebase-admin/firestore'],
  // firebase-admin/auth only on a first sign-in (the purged-account check before creating a profile).
  ensureProfile: ['firebase-admin/firestore', 'firebase-admin/auth'],
  describeImage: ['firebase-admin/firestore', ...new Set(['sharp', ...providerSdks('describe')])],
  generateImage: ['firebase-admin/firestore', ...new Set(['sharp', ...providerSdks('image')])],
  generateComparison: ['firebase-admin/firestore', ...new Set(['sharp', ...providerSdks('image')])],
  checkModels: [
    'firebase-admin/firestore',
    ...providerSdks('describe', 'image').filter((s) => s !== 'sharp'),
  ],
  deleteGeneration: ['firebase-admin/firestore', 'firebase-admin/storage'],
  createCheckoutSession: ['firebase-admin/firestore', 'stripe'],
  stripeWebhook: ['firebase-admin/firestore', 'stripe'],
  requestAccountDeletion: ['firebase-admin/firestore', 'firebase-admin/storage', 'firebase-admin/auth'],
  exportMyData: ['firebase-admin/firestore', 'firebase-admin/storage'],
  purgeExpiredData: ['firebase-admin/firestore', 'firebase-admin/storage', 'firebase-admin/auth'],
  createExtensionToken: ['firebase-admin/firestore', 'firebase-admin/auth'],
};

export function functionsColdLoad() {
  const fnDir = join(ROOT, 'functions');
  const sdkEntries = triggerSdkEntries(fnDir);
  const runs = Array.from({ length: RUNS }, () => timeColdStart(fnDir, sdkEntries));
  const sdkFloorMs = median(runs.map((r) => r.sdk));
  const oursMs = median(runs.map((r) => r.ours));
  const indexMs = median(runs.map((r) => r.sdk + r.ours));
  const pass = oursMs <= COLD_LOAD_BUDGET_MS;
  const sdkMs = {};
  for (const sdk of new Set(Object.values(FUNCTION_SDKS).flat())) {
    sdkMs[sdk] = median(Array.from({ length: RUNS }, () => timeImport(sdk, fnDir)));
  }
  // Exports actually present in the bundle (the table may name functions not built yet).
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(await import('./lib/index.js'))))"],
    { cwd: fnDir, encoding: 'utf8' },
  );
  const exported = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const perFunction = exported.map((name) => {
    const sdks = FUNCTION_SDKS[name] ?? [];
    // Module load before the first request: the shared bundle. SDKs load on first use.
    return {
      name,
      coldLoadMs: Math.round(indexMs),
      firstUseSdkMs: Math.round(sdks.reduce((s, x) => s + sdkMs[x], 0)),
      sdks,
      pass,
    };
  });
  return {
    runs: RUNS,
    indexLoadMs: Math.round(indexMs),
    firebaseFunctionsSdkMs: Math.round(sdkFloorMs),
    firebaseFunctionsEntries: sdkEntries,
    oursMs: Math.round(oursMs),
    budgetMs: COLD_LOAD_BUDGET_MS,
    pass,
    sdkMs: Object.fromEntries(Object.entries(sdkMs).map(([k, v]) => [k, Math.round(v)])),
    perFunction,
  };
}
