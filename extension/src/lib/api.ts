/**
 * A small typed client for callable functions. The Firebase callable SDK cannot add headers, and
 * every call must carry the extension version for the access log, so this speaks the callable
 * protocol itself: POST `{ data }` with the ID token, answer `{ result }` or `{ error }`.
 */
import type { ZodType } from 'zod';
import {
  EXTENSION_VERSION_HEADER,
  FUNCTIONS_REGION,
  errorReason,
  type CallableName,
  type ErrorReason,
} from '@mimicit/shared';
import { auth, projectId, usingEmulators } from './firebase';

/** A callable failure with the same shape as the SDK's `HttpsError`: code, message, details. */
export class CallableError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CallableError';
  }

  /** The server's machine-readable `details.reason`, when it gave one. */
  get reason(): ErrorReason | undefined {
    return errorReason(this);
  }
}

/** The endpoint of callable `name` (emulator or production). */
export function callableUrl(name: string, emulators = usingEmulators, project = projectId): string {
  return emulators
    ? `http://127.0.0.1:5001/${project}/${FUNCTIONS_REGION}/${name}`
    : `https://${FUNCTIONS_REGION}-${project}.cloudfunctions.net/${name}`;
}

/** Turns a callable HTTP answer into its result, or throws a {@link CallableError}. */
export function parseCallableResponse<T>(status: number, body: unknown, schema: ZodType<T>): T {
  const payload = (body ?? {}) as {
    result?: unknown;
    error?: { status?: unknown; message?: unknown; details?: unknown };
  };
  if (payload.error || status !== 200) {
    const raw = typeof payload.error?.status === 'string' ? payload.error.status : 'INTERNAL';
    const code = raw.toLowerCase().replaceAll('_', '-');
    const message = typeof payload.error?.message === 'string' ? payload.error.message : `HTTP ${status}`;
    throw new CallableError(code, message, payload.error?.details);
  }
  const parsed = schema.safeParse(payload.result);
  if (!parsed.success) throw new CallableError('internal', 'Unexpected answer from the server.');
  return parsed.data;
}

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
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new CallableError(
      timedOut ? 'deadline-exceeded' : 'unavailable',
      timedOut ? 'Timed out.' : 'Network error.',
    );
  }
  const body: unknown = await res.json().catch(() => null);
  return parseCallableResponse(res.status, body, schema);
}
