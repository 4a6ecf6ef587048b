/**
 * True when running inside the Functions emulator (or the local backend, which sets the same
 * variable). Production code never asks whether a test runner is present: the test projects run
 * the handlers as the emulator would, by setting `FUNCTIONS_EMULATOR` (vitest.config.ts).
 */
export function isEmulated(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true';
}

/** The preview model needs no keys and must never be offered in a production deploy. */
export function allowPreviewModel(): boolean {
  return isEmulated();
}
