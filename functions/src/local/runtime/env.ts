/**
 * The process environment the Functions emulator gives every function (firebase-tools
 * `FunctionsEmulator.getRuntimeEnvs` / `getEmulatorEnvs`), so the real trigger objects behave
 * here exactly as they do there. In particular `FIREBASE_DEBUG_MODE` with the debug feature
 * `skipTokenVerification` makes firebase-functions' `onCall` decode the caller's ID token
 * without verifying its signature (the Auth emulator signs nothing) — the emulator's check —
 * and `enableCors` lets every origin call, as there.
 *
 * Set by the local backend's entry point only, before firebase-functions is first imported (it
 * reads these variables when it loads). Nothing here is ever set in a deployed function.
 */
export interface RuntimeEnvOptions {
  projectId: string;
  /** `host:port` of the Auth emulator. */
  authEmulatorHost: string;
}

/** Closed local port: a stray Firestore/Storage Admin SDK call fails fast, never reaching a project. */
const NOWHERE = '127.0.0.1:9';

export function functionsEmulatorEnv({
  projectId,
  authEmulatorHost,
}: RuntimeEnvOptions): Record<string, string> {
  return {
    GCLOUD_PROJECT: projectId,
    GOOGLE_CLOUD_QUOTA_PROJECT: projectId,
    K_REVISION: '1',
    FUNCTIONS_EMULATOR: 'true',
    TZ: 'UTC',
    FIREBASE_DEBUG_MODE: 'true',
    FIREBASE_DEBUG_FEATURES: JSON.stringify({ skipTokenVerification: true, enableCors: true }),
    FIREBASE_CONFIG: JSON.stringify({ projectId, storageBucket: `${projectId}.appspot.com` }),
    FIREBASE_AUTH_EMULATOR_HOST: authEmulatorHost,
    // The store and blobs are the local backend's own; these only guard against a code path
    // that would build a Firestore or Cloud Storage client anyway.
    FIRESTORE_EMULATOR_HOST: NOWHERE,
    FIREBASE_STORAGE_EMULATOR_HOST: NOWHERE,
    STORAGE_EMULATOR_HOST: `http://${NOWHERE}`,
  };
}
