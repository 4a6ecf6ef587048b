import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

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
            'functions/src/**/*.test.ts',
            'tests/offline/**/*.test.ts',
          ],
          exclude: ['**/*.emu.test.ts', '**/node_modules/**'],
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
        test: {
          name: 'offline:callable',
          environment: 'node',
          include: ['tests/callable/**/*.test.ts'],
          globalSetup: ['tests/harness/callable-emulators.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'offline:browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['**/*.emu.test.ts', 'tests/rules/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
