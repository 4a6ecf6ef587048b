// Vitest global setup for the e2e project: the Auth and Functions emulators run without Java,
// so this tier always runs. The callable tests use both, with App Check enforced (off on the
// emulator otherwise; the test clients attest as the web app does); the browser tests use the
// Auth emulator and start their own local backend (tests/harness/local-backend.ts) on another
// port. It needs the functions bundle (scripts/test.mjs builds it; by hand: `npm run build -w
// functions`) and builds the local backend and the local-mode web app and extension itself.
import { existsSync } from 'node:fs';
import { startEmulators, ROOT } from '../../scripts/lib/emulators.mjs';
import { buildLocalBackend } from '../../scripts/lib/local-backend.mjs';
import { buildE2eBundles } from './e2e-builds';
import { APP_CHECK_ENFORCEMENT_ENV } from '../../functions/src/lib/app-check-mode';

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(`${ROOT}/functions/lib/index.js`)) {
    throw new Error('functions/lib/index.js is missing: run `npm run build -w functions` first.');
  }
  buildLocalBackend();
  buildE2eBundles();
  const { stop } = await startEmulators({
    only: 'auth,functions',
    env: { [APP_CHECK_ENFORCEMENT_ENV]: 'enforce' },
  });
  return stop;
}
