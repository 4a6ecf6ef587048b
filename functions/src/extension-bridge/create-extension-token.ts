import {
  createExtensionTokenRequestSchema,
  collections,
  type CreateExtensionTokenResponse,
} from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { PAYMENT_HASH_KEY } from '../lib/config.js';
import { getAuthAdmin } from '../account/auth-admin.js';
import { assertAccountActive } from '../account/profile.js';
import { accountDeleted, isPurged } from '../account/tombstones.js';
import { assertExtensionAllowed } from './allowed-extensions.js';

/**
 * Mints a Firebase custom token for the signed-in caller's own uid, with no extra claims, so
 * the web app can hand it to the extension (externally_connectable) and the extension signs in
 * as the same person. The request names the extension the token is for, and only the ids in
 * `EXTENSION_IDS` get one (allowed-extensions.ts). It grants nothing the caller's ID token does not already grant. The
 * token is returned once and never logged. Accounts scheduled for deletion are refused, and so
 * are purged ones: signing in with a custom token recreates a deleted Auth user.
 */
export const handleCreateExtensionToken = callableHandler(
  'createExtensionToken',
  createExtensionTokenRequestSchema,
  async ({ uid, data, deps }): Promise<CreateExtensionTokenResponse> => {
    assertExtensionAllowed(data.extensionId);
    const user = (await deps.store.get(collections.users.doc(uid))).data;
    assertAccountActive(user);
    if (!user && (await isPurged(deps.store, uid))) throw accountDeleted();
    return { token: await getAuthAdmin().createCustomToken(uid) };
  },
  // The extension's only way to a session: only an attested web session mints one, each with
  // its own attestation (README "Security").
  { appCheck: 'consume' },
);

export const createExtensionToken = defineCallable(
  { secrets: [PAYMENT_HASH_KEY] },
  handleCreateExtensionToken,
);
