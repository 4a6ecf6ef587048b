/**
 * Maps any error (callable `HttpsError`, Firestore, Storage, Auth, our timeouts) to the i18n key
 * of a translated, actionable message. `details.reason` wins: it names the precise cause.
 */
import en from '../i18n/en';

/**
 * `details.reason` of a callable error when we have a message for it. Reads the shared reason
 * list through the message table (a test checks every `ERROR_REASONS` entry has one) so this
 * module, used by first-bundle stores, does not pull the shared schemas and zod in.
 */
function knownReason(err: unknown): string | undefined {
  const details = (err as { details?: unknown } | null)?.details;
  const reason = (details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && Object.hasOwn(en.errors.reason, reason) ? reason : undefined;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.replace(/^(functions|firestore|storage)\//, '') : '';
}

/** The i18n key describing `err` for a person. */
export function errorKey(err: unknown): string {
  const reason = knownReason(err);
  if (reason) return `errors.reason.${reason}`;
  switch (codeOf(err)) {
    case 'auth/popup-blocked':
      return 'auth.popupBlocked';
    case 'auth/popup-closed-by-user':
    case 'auth/cancelled-popup-request':
      return 'auth.popupClosed';
    case 'auth/user-disabled':
      return 'auth.accountDisabled';
    case 'auth/network-request-failed':
    case 'retry-limit-exceeded':
      return 'errors.network';
    case 'unauthenticated':
    case 'unauthorized':
      return 'errors.unauthenticated';
    case 'permission-denied':
      return 'errors.permission';
    case 'deadline-exceeded':
      return 'errors.timeout';
    case 'unavailable':
      return 'errors.unavailable';
    case 'not-found':
    case 'object-not-found':
      return 'errors.reason.not-found';
    case 'internal':
      // The Functions SDK reports an unreachable server as `internal` with this message.
      return (err as Error).message === 'internal' ? 'errors.network' : 'errors.generic';
    default:
      return 'errors.generic';
  }
}
