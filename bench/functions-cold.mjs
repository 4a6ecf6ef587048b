// Cold module load of the functions bundle in fresh Node processes: what every instance pays
// before its first request, and the extra cost of each heavy SDK a code path imports lazily.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, median } from './lib.mjs';
import { importTs } from '../scripts/lib/run-ts.mjs';

// Provider SDKs come from the one provider table (functions/src/generation/providers/table.ts).
const { PROVIDER_TABLE, providersFor } = await importTs('functions/src/generation/providers/table.ts');
/** The SDKs of every provider that can serve `role`, in table order, without repeats. */
const providerSdks = (...roles) => [
  ...new Set(roles.flatMap((role) => providersFor(role)).flatMap((p) => PROVIDER_TABLE[p].sdks)),
];

export const COLD_LOAD_BUDGET_MS = 200;
const RUNS = 5;

function timeImport(specifier, cwd) {
  const code = `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${specifier} failed: ${r.stderr.slice(0, 400)}`);
  return Number(r.stdout.trim().split('\n').at(-1));
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
  const indexMs = median(Array.from({ length: RUNS }, () => timeImport('./lib/index.js', fnDir)));
  // The floor no code of ours can remove: the trigger SDK every function imports (its https
  // entry loads firebase-admin's token verification), measured the same way.
  const sdkFloorMs = median(
    Array.from({ length: RUNS }, () => timeImport('firebase-functions/v2/https', fnDir)),
  );
  const sdkMs = {};
  for (const sdk of new Set(Object.values(FUNCTION_SDKS).flat())) {
    sdkMs[sdk] = median(Array.from({ length: RUNS }, () => timeImport(sdk, fnDir)));
  }
  // Exports actually present in the bundle (the table may name functions not built yet).
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(await import('./lib/index.js'))))"],
    {
      cwd: fnDir,
      encoding: 'utf8',
    },
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
      pass: indexMs <= COLD_LOAD_BUDGET_MS,
    };
  });
  return {
    runs: RUNS,
    indexLoadMs: Math.round(indexMs),
    firebaseFunctionsSdkMs: Math.round(sdkFloorMs),
    oursMs: Math.round(indexMs - sdkFloorMs),
    budgetMs: COLD_LOAD_BUDGET_MS,
    sdkMs: Object.fromEntries(Object.entries(sdkMs).map(([k, v]) => [k, Math.round(v)])),
    perFunction,
  };
}
