/**
 * Which Chrome extensions may receive a sign-in token: exactly the ids in `EXTENSION_IDS`. With
 * the list empty, the Emulator Suite and tests accept any well-formed id (an unpacked extension
 * gets a new id per profile); a deployed function accepts none, so a forgotten parameter fails
 * closed, loudly, instead of signing in any extension that asks.
 */
import * as logger from 'firebase-functions/logger';
import { EXTENSION_IDS, listParam } from '../lib/config.js';
import { isEmulated } from '../lib/env.js';
import { domainError } from '../lib/errors.js';

/** Refuses with `permission-denied` / `extension-not-allowed` unless `extensionId` is allowed. */
export function assertExtensionAllowed(extensionId: string): void {
  const allowed = listParam(EXTENSION_IDS.value());
  if (allowed.includes(extensionId)) return;
  if (allowed.length === 0) {
    if (isEmulated()) return;
    logger.error('extensionBridge.notConfigured', { extensionId });
  }
  throw domainError(
    'permission-denied',
    'extension-not-allowed',
    'This extension may not sign in to Mimicit. Install the official Mimicit extension and try again.',
    { extensionId },
  );
}
