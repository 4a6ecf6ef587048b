/**
 * App Check on the callables that create value from nothing or hand out sessions (README
 * "Security"). firebase-functions verifies the `X-Firebase-AppCheck` header before our code runs
 * (signature, issuer, audience and expiry through firebase-admin, and with
 * `consumeAppCheckToken` it also marks the token used at the App Check API); this module decides
 * what a missing, invalid or replayed token means for one callable, and refuses with a precise
 * `details.reason` instead of firebase-functions' bare "Unauthenticated", which a client could
 * not tell apart from an expired sign-in.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import type { ErrorReason } from '@mimicit/shared';
import { domainError } from './errors.js';
import { appCheckEnforced } from './app-check-mode.js';

/**
 * - `open`: no App Check (the extension calls these, and cannot attest);
 * - `enforce`: a valid token is required; it may be reused within its lifetime;
 * - `consume`: a valid token is required and is used up (replay protection): the trigger sets
 *   `consumeAppCheckToken` and the web app sends a limited-use token.
 */
export type AppCheckPolicy = 'open' | 'enforce' | 'consume';

const REFUSALS: Record<'app-check-missing' | 'app-check-invalid' | 'app-check-replayed', string> = {
  'app-check-missing':
    'This request did not come from the Mimicit web app (its App Check token is missing). Reload the page and try again; if it keeps happening, allow reCAPTCHA (google.com) in your browser.',
  'app-check-invalid':
    'The App Check token of this request is invalid or expired. Reload the page and try again.',
  'app-check-replayed':
    'The App Check token of this request was already used once. Reload the page and try again.',
};

/**
 * Refuses the call unless `policy` is met, with `unauthenticated` (the status firebase-functions'
 * own enforcement answers) and a `details.reason`. firebase-functions leaves `request.app`
 * undefined both when the header is missing and when the token fails verification; the header
 * tells the two apart.
 */
export function assertAppCheck(
  request: CallableRequest<unknown>,
  policy: AppCheckPolicy,
  operation: string,
  uid: string,
): void {
  if (policy === 'open' || !appCheckEnforced()) return;
  let reason: keyof typeof REFUSALS | undefined;
  // A verified token always names its app (`sub`); where tokens are only decoded (emulators),
  // firebase-functions turns anything that is not a JWT into an app without one.
  const app = request.app?.appId ? request.app : undefined;
  if (!app) reason = appCheckHeader(request) ? 'app-check-invalid' : 'app-check-missing';
  else if (policy === 'consume' && app.alreadyConsumed === true) reason = 'app-check-replayed';
  if (!reason) return;
  logger.warn('appCheck.refused', { operation, uid, reason });
  throw domainError('unauthenticated', reason satisfies ErrorReason, REFUSALS[reason]);
}

function appCheckHeader(request: CallableRequest<unknown>): boolean {
  const raw = request.rawRequest as { header?: (name: string) => unknown; headers?: Record<string, unknown> };
  const value =
    typeof raw.header === 'function'
      ? raw.header('X-Firebase-AppCheck')
      : raw.headers?.['x-firebase-appcheck'];
  return typeof value === 'string' && value !== '';
}
