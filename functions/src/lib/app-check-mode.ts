/**
 * Where App Check is enforced: read from the environment alone (no imports), so the local
 * backend's entry point can name the switch before firebase-functions first loads.
 */
/** The switch a test sets to turn enforcement on where tokens are not verified (see below). */
export const APP_CHECK_ENFORCEMENT_ENV = 'MIMICIT_APP_CHECK';

/**
 * True where firebase-functions decodes tokens without verifying them: the Functions emulator
 * and the local backend set `FIREBASE_DEBUG_MODE` with the debug feature
 * `skipTokenVerification` (firebase-functions `common/debug`, read the same way here). A deploy
 * cannot set either: firebase-tools refuses `FIREBASE_`-prefixed keys in `.env` files.
 */
export function tokensUnverified(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FIREBASE_DEBUG_MODE !== 'true') return false;
  try {
    const features: unknown = JSON.parse(env.FIREBASE_DEBUG_FEATURES ?? '{}');
    return (features as { skipTokenVerification?: unknown } | null)?.skipTokenVerification === true;
  } catch {
    return false;
  }
}

/**
 * Whether App Check is enforced here. Always in production: the only way to switch it off is a
 * runtime that verifies no token at all (the emulators, local mode), where it is off unless a
 * test sets `MIMICIT_APP_CHECK=enforce`. No parameter, `.env` value or deploy prompt can turn
 * enforcement off in a deployed function, so no deploy can do it by accident.
 */
export function appCheckEnforced(env: NodeJS.ProcessEnv = process.env): boolean {
  return !tokensUnverified(env) || env[APP_CHECK_ENFORCEMENT_ENV] === 'enforce';
}
