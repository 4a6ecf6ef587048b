// Vitest global setup for the e2e project: the Auth and Functions emulators run without Java,
// so this tier always runs. It needs the functions bundle (scripts/test.mjs builds it; by hand:
// `npm run build -w functions`) and builds the emulator-wired web app and extension itself.
import { existsSync } from 'node:fs';
import { startEmulators, ROOT } from '../../scripts/lib/emulators.mjs';
import { buildE2eBundles } from './e2e-builds';

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(`${ROOT}/functions/lib/index.js`)) {
    throw new Error('functions/lib/index.js is missing: run `npm run build -w functions` first.');
  }
  buildE2eBundles();
  const { stop } = await startEmulators({ only: 'auth,functions' });
  return stop;
}
