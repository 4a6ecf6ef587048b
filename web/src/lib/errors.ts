/**
 * Maps any error (callable `HttpsError`, Firestore, Storage, Auth, our timeouts) to the i18n key
 * of a translated, actionable message. `details.reason` wins: it names the precise cause.
 * Nothing here reads an error's message text: SDKs reword messages between versions.
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

/**
 * The i18n key for a failed generation's `failureCode` (an error reason, or `internal` for our
 * own unexpected failures), or undefined when there is no translated message for it.
 */
export function failureKey(code: string | undefined): string | undefined {
  if (code === 'internal') return 'errors.reason.server-error';
  return code && Object.hasOwn(en.errors.reason, code) ? `errors.reason.${code}` : undefined;
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
      // Our functions send every failure of their own with a reason (`server-error` for the
      // unexpected ones), so an `internal` without one did not come from our code: it is how the
      // Functions SDK reports a request that got no answer (refused or dropped connection, a
      // crash before our handler, a proxy's error page).
      return 'errors.network';
    default:
      return 'errors.generic';
  }
}
