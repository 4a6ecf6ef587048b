/**
 * Callable functions, loaded lazily (`firebase/functions` and App Check stay out of the first
 * bundle). Every call has a client-side timeout so no view can hang on a dropped connection.
 */
import type * as FunctionsSdk from 'firebase/functions';
import type { Functions, HttpsCallableOptions } from 'firebase/functions';
import type * as AppCheckModule from '../app-check';
import { FUNCTIONS_REGION } from '@mimicit/shared';
import { app, FUNCTIONS_EMULATOR, usingEmulators } from '../firebase';

type FunctionsModule = typeof FunctionsSdk;
let loaded:
  Promise<{ mod: FunctionsModule; functions: Functions; appCheck: typeof AppCheckModule }> | undefined;

function load() {
  loaded ??= Promise.all([import('firebase/functions'), import('../app-check')]).then(([mod, appCheck]) => {
    // Before the Functions instance: it sends App Check tokens from its first call.
    appCheck.startAppCheck();
    const functions = mod.getFunctions(app, FUNCTIONS_REGION);
    // The Functions emulator, or in local mode the local backend (same URL shape).
    if (usingEmulators)
      mod.connectFunctionsEmulator(functions, FUNCTIONS_EMULATOR.hostname, Number(FUNCTIONS_EMULATOR.port));
    return { mod, functions, appCheck };
  });
  return loaded;
}

/** Default client timeout for quick callables. */
export const QUICK_TIMEOUT_MS = 30_000;
/**
 * Generation callables wait for the provider; past this the page stops waiting for the HTTP
 * answer and follows the generation document instead (nothing is lost: the server finishes).
 */
export const GENERATION_TIMEOUT_MS = 300_000;

/**
 * The callable SDK encodes an `undefined` field as `null`, which the server's strict schemas
 * reject for optional fields: drop such fields instead.
 */
export function withoutUndefined(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/**
 * For callables that consume their App Check token (replay protection): each call needs a
 * limited-use token of its own.
 */
export const LIMITED_USE = { timeout: QUICK_TIMEOUT_MS, limitedUseAppCheckTokens: true } as const;

/** Calls a callable by name and returns its `data` (validated by the caller). */
export async function callFunction(
  name: string,
  data: unknown,
  options: HttpsCallableOptions = { timeout: QUICK_TIMEOUT_MS },
): Promise<unknown> {
  const { mod, functions, appCheck } = await load();
  const call = (opts: HttpsCallableOptions) =>
    mod.httpsCallable(functions, name, opts)(withoutUndefined(data));
  try {
    return (await call(options)).data;
  } catch (err) {
    if (!options.limitedUseAppCheckTokens || !appCheck.isAppCheckClientError(err)) throw err;
    // The SDK throws before sending when it cannot get a limited-use token, where a failing
    // standard token only leaves the header out. Send the call as it would then: the server
    // decides (where App Check is enforced it answers `app-check-missing`, which pages explain).
    return (await call({ ...options, limitedUseAppCheckTokens: false })).data;
  }
}
