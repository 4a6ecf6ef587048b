/**
 * Entry point of the local backend — and the only way local mode is switched on: nothing in the
 * deployed functions reads a setting that could enable it. Sets the Functions emulator's
 * environment and the local parameters and secrets, then loads the functions and serves them.
 *
 *   node functions/lib-local/main.js --port 5001 --data .mimicit/local --auth 127.0.0.1:9099
 *
 * `--app-check enforce` enforces App Check on the callables that ask for it, as production
 * does (tokens are decoded, not verified, as on the Functions emulator); off by default.
 * `--image-host NAME` (browser journeys only) fetches image addresses on NAME from this machine.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_LOCAL_PORT, LOCAL_PROJECT_ID } from './defaults.js';
import { functionsEmulatorEnv } from './runtime/env.js';
import { localSecrets, localStripePrices, secretLocalFile } from './runtime/config.js';
import { APP_CHECK_ENFORCEMENT_ENV } from '../lib/app-check-mode.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: String(DEFAULT_LOCAL_PORT) },
    data: { type: 'string', default: '.mimicit/local' },
    project: { type: 'string', default: LOCAL_PROJECT_ID },
    auth: { type: 'string', default: '127.0.0.1:9099' },
    'app-origins': { type: 'string' },
    'no-timers': { type: 'boolean', default: false },
    'app-check': { type: 'string', default: 'off' },
    'image-host': { type: 'string' },
  },
});
if (!['off', 'enforce'].includes(values['app-check'])) {
  throw new Error(`--app-check must be "off" or "enforce", not "${values['app-check']}".`);
}

const dataDir = resolve(values.data);
const functionsDir = new URL('..', import.meta.url).pathname;
const secrets = localSecrets(dataDir);
const providerKeys = Object.entries(secretLocalFile(functionsDir)).filter(([k]) =>
  ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'FAL_KEY'].includes(k),
);

Object.assign(process.env, {
  ...functionsEmulatorEnv({ projectId: values.project, authEmulatorHost: values.auth }),
  STRIPE_SECRET_KEY: secrets.STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: secrets.STRIPE_WEBHOOK_SECRET,
  PAYMENT_HASH_KEY: secrets.PAYMENT_HASH_KEY,
  STRIPE_PRICES: localStripePrices(),
  ...(values['app-origins'] ? { APP_ORIGINS: values['app-origins'] } : {}),
  ...(values['app-check'] === 'enforce' ? { [APP_CHECK_ENFORCEMENT_ENV]: 'enforce' } : {}),
  ...Object.fromEntries(providerKeys),
});

const started = Date.now();
const { startLocalBackend } = await import('./backend.js');
const backend = await startLocalBackend({
  host: values.host,
  port: Number(values.port),
  projectId: values.project,
  dataDir,
  timers: !values['no-timers'],
  imageHost: values['image-host'],
});
console.info(`local backend ready on ${backend.url} in ${Date.now() - started} ms (data: ${dataDir})`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await backend.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
