/**
 * A small typed client for callable functions. The Firebase callable SDK cannot add headers, and
 * every call must carry the extension version for the access log, so this speaks the callable
 * protocol itself: POST `{ data }` with the ID token, answer `{ result }` or `{ error }`.
 */
import type { ZodType } from 'zod';
import { EXTENSION_VERSION_HEADER, type CallableName } from '@mimicit/shared';
import { auth } from './firebase';
import { CallableError, callableUrl, parseCallableResponse } from './callable-protocol';

export { CallableError } from './callable-protocol';

/** The version every call reports (`x-mimicit-extension-version`). */
export function extensionVersion(): string {
  return chrome.runtime.getManifest().version;
}

/**
 * Calls `name` as the signed-in person. `timeoutMs` is deliberate per call: generations return
 * quickly with a pending status and are then followed on their document.
 */
export async function callFunction<T>(
  name: CallableName,
  data: unknown,
  schema: ZodType<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const user = auth.currentUser;
  if (!user) throw new CallableError('unauthenticated', 'Sign in first.');
  let res: Response;
  try {
    res = await fetch(callableUrl(name), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await user.getIdToken()}`,
        [EXTENSION_VERSION_HEADER]: extensionVersion(),
      },
      body: JSON.stringify({ data: data ?? null }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    // No answer at all: the code says so and the cause keeps what fetch reported.
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new CallableError(
      timedOut ? 'deadline-exceeded' : 'unavailable',
      timedOut ? 'Timed out.' : 'Network error.',
      undefined,
      { cause: err },
    );
  }
  const body: unknown = await res.json().catch(() => null);
  return parseCallableResponse(res.status, body, schema);
}
