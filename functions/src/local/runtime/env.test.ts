// The local backend gives the functions the environment the Functions emulator gives them: read
// from firebase-tools itself, so a change there (a new debug feature, another token check)
// fails here instead of drifting silently.
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { functionsEmulatorEnv } from './env.js';

const require = createRequire(import.meta.url);

it('matches the Functions emulator’s runtime environment (token check, CORS, time zone)', () => {
  const { FunctionsEmulator } = require('firebase-tools/lib/emulator/functionsEmulator.js') as {
    FunctionsEmulator: { prototype: { getEmulatorEnvs(this: object): Record<string, string> } };
  };
  // With no other emulator registered, these are exactly the emulator's own variables.
  const emulator = FunctionsEmulator.prototype.getEmulatorEnvs.call({ args: {}, debugMode: false });
  const local = functionsEmulatorEnv({ projectId: 'demo-mimicit', authEmulatorHost: '127.0.0.1:9099' });
  expect(Object.keys(emulator).sort()).toEqual([
    'FIREBASE_DEBUG_FEATURES',
    'FIREBASE_DEBUG_MODE',
    'FUNCTIONS_EMULATOR',
    'TZ',
  ]);
  for (const [name, value] of Object.entries(emulator)) expect(local[name], name).toBe(value);
  expect(local.FIREBASE_AUTH_EMULATOR_HOST).toBe('127.0.0.1:9099');
});
