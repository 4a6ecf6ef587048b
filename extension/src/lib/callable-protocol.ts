/** The callable protocol's wire format (no Firebase import, so it is unit-testable). */
import type { ZodType } from 'zod';
import { FUNCTIONS_REGION, errorReason, type ErrorReason } from '@mimicit/shared';
import { localBackendOrigin, usesEmulators, usesLocalBackend } from './origins';

const env = import.meta.env;
const localBackend = usesLocalBackend(env.MODE, env.VITE_BACKEND);
const usingEmulators = localBackend || usesEmulators(env.MODE, env.VITE_USE_EMULATORS);
/** The Functions emulator, or in local mode the local backend (same URL shape). */
const emulatorOrigin = localBackend
  ? localBackendOrigin(env.VITE_LOCAL_BACKEND_URL)
  : 'http://127.0.0.1:5001';
const projectId = import.meta.env.VITE_FIREBASE_PROJECT_ID || 'demo-mimicit';

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
export function callableUrl(
  name: string,
  emulators = usingEmulators,
  project = projectId,
  origin = emulatorOrigin,
): string {
  return emulators
    ? `${origin}/${project}/${FUNCTIONS_REGION}/${name}`
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
