import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/**
 * Tests run the functions' handlers in process as the Functions emulator runs them (the keyless
 * preview model, the emulator-only hash key, any extension id): production code asks only
 * whether it is emulated, never whether a test runner is present. Tests of production
 * behaviour stub `FUNCTIONS_EMULATOR` to ''.
 */
const emulatedFunctions = { FUNCTIONS_EMULATOR: 'true' };

/**
 * Test tiers (see README "Tests"):
 * - offline:* projects run everywhere (unit, in-process, DOM, callable surface on the Auth and
 *   Functions emulators, headless Chromium);
 * - emulator runs under `firebase emulators:exec` with the Firestore and Storage emulators.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'offline:node',
          environment: 'node',
          include: [
            'packages/shared/src/**/*.test.ts',
            'packages/client-data/src/**/*.test.ts',
            'functions/src/**/*.test.ts',
            'tests/offline/**/*.test.ts',
          ],
          exclude: ['**/*.emu.test.ts', '**/node_modules/**'],
          env: emulatedFunctions,
          testTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'offline:dom',
          environment: 'happy-dom',
          include: ['web/src/**/*.test.ts', 'extension/src/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // One Auth + Functions emulator run serves both the callable-surface tests and the
        // browser tests (built web app and extension in headless Chromium).
        test: {
          name: 'offline:e2e',
          environment: 'node',
          include: ['tests/callable/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/harness/callable-emulators.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `npm run dev` itself: on the dev ports, so scripts/test.mjs runs it after the offline
        // tier (whose emulators use some of them), never beside it.
        test: {
          name: 'dev',
          environment: 'node',
          include: ['tests/dev/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['**/*.emu.test.ts', 'tests/rules/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          env: emulatedFunctions,
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
