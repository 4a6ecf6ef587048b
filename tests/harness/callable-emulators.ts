// Vitest global setup for the callable-surface tests: the Auth and Functions emulators run
// without Java, so this tier always runs. The functions bundle must be built first
// (scripts/test.mjs does it; `npm run build -w functions` by hand).
import { existsSync } from 'node:fs';
import { startEmulators, ROOT } from '../../scripts/lib/emulators.mjs';

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(`${ROOT}/functions/lib/index.js`)) {
    throw new Error('functions/lib/index.js is missing: run `npm run build -w functions` first.');
  }
  const { stop } = await startEmulators({ only: 'auth,functions' });
  return stop;
}
