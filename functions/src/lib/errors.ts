import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { ErrorReason } from '@mimicit/shared';
import type { ZodType } from 'zod';

/**
 * A failure the domain knows how to explain. Domain code throws these; handlers turn them into
 * `HttpsError` with {@link toHttpsError}, so the client gets a precise code and a message a
 * person can act on.
 */
export class DomainError extends Error {
  constructor(
    readonly code: FunctionsErrorCode,
    readonly reason: ErrorReason | undefined,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function domainError(
  code: FunctionsErrorCode,
  reason: ErrorReason | undefined,
  message: string,
  extra: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, reason, message, extra);
}

/** Maps anything thrown to an `HttpsError`; unknown errors become `internal` without internals. */
export function toHttpsError(err: unknown): HttpsError {
  if (err instanceof HttpsError) return err;
  if (err instanceof DomainError) {
    return new HttpsError(
      err.code,
      err.message,
      err.reason ? { reason: err.reason, ...err.extra } : undefined,
    );
  }
  // Always with a reason: clients tell our own failures from requests that got no answer
  // (which the Functions SDK also reports as `internal`) by its presence.
  return new HttpsError('internal', 'Something went wrong on our side. Please try again.', {
    reason: 'server-error' satisfies ErrorReason,
  });
}

/** Validates callable input; a failure is `invalid-argument` naming the first bad field. */
export function parseInput<T>(schema: ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'request';
  throw new HttpsError('invalid-argument', `Invalid ${where}: ${issue?.message ?? 'malformed request'}.`);
}

/** The caller's uid, or `unauthenticated`. */
export function requireUid(auth: { uid: string } | undefined): string {
  if (!auth?.uid) throw new HttpsError('unauthenticated', 'Please sign in to continue.');
  return auth.uid;
}
