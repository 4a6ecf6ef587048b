/**
 * Error codes shared by server and clients. The server raises `HttpsError` with one of the
 * Firebase codes below and, where a client must branch on the cause, a machine-readable
 * `details.reason`.
 */
export const ERROR_REASONS = [
  'insufficient-credits',
  'rate-limited',
  'too-many-pending',
  'unknown-model',
  'model-unavailable',
  'unsupported-option',
  'image-too-large',
  'image-unsupported-type',
  'image-unreadable',
  'image-fetch-failed',
  'url-not-allowed',
  'prompt-too-long',
  'provider-safety',
  'provider-no-image',
  'provider-rate-limit',
  'provider-bad-request',
  'provider-unavailable',
  'provider-timeout',
  'provider-config',
  'provider-bad-response',
  'unknown-pack',
  'origin-not-allowed',
  'account-pending-deletion',
  'not-found',
  // Production-correctness reasons (issue 15), kept together to ease merging.
  'account-deleted',
  'session-revoked',
  'extension-not-allowed',
  // Remix from any page (issue 18).
  'too-many-references',
  'provider-wrong-size',
  // App Check (issue 16), kept together to ease merging.
  'app-check-missing',
  'app-check-invalid',
  'app-check-replayed',
  // Reasons for refusals that had none, so clients can explain them (issue 19).
  'server-error',
  'price-not-configured',
  'payments-not-configured',
  'payment-provider-unavailable',
  'generation-still-running',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ErrorDetails {
  reason: ErrorReason;
  [key: string]: unknown;
}

/** Reads `details.reason` off an error thrown by a callable, if there is one. */
export function errorReason(err: unknown): ErrorReason | undefined {
  const details = (err as { details?: unknown } | null)?.details;
  const reason = (details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && (ERROR_REASONS as readonly string[]).includes(reason)
    ? (reason as ErrorReason)
    : undefined;
}
