/** True when running inside the Firebase Emulator Suite or a test run. */
export function isEmulatorOrTest(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true' || process.env.VITEST === 'true';
}

/** The preview model needs no keys and must never be offered in a production deploy. */
export function allowPreviewModel(): boolean {
  return isEmulatorOrTest();
}
