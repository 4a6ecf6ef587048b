/**
 * Account deletion: the request (history and images gone at once) and its cancellation.
 *
 * Decision — how "sign-in disabled" and "cancel within the grace period" fit together: a
 * disabled Firebase Auth user cannot get an ID token, so it could never call
 * `cancelAccountDeletion`. We therefore do NOT disable the Auth user during the grace period.
 * Instead the request revokes every refresh token (the web app and the extension are signed out
 * within the ID token's lifetime, ≤ 1 h), and the account is locked: `ensureProfile` (which every
 * client calls after sign-in) and `createExtensionToken` refuse it with `failed-precondition` /
 * `account-pending-deletion`, so signing in again leads only to the "scheduled for deletion —
 * cancel?" screen. `cancelAccountDeletion` is the one operation that accepts such an account.
 * Sign-in is disabled for good when the purge starts (`purge.ts`, first step), and the Auth user
 * is deleted there.
 *
 * The purge date is fixed at the first request (`ACCOUNT_DELETION_GRACE_DAYS` = 14 days later) and
 * a repeated request never postpones it; the daily purge runs within a day of it, so everything is
 * gone no later than 15 days after the request — inside the 30 days the privacy policy promises.
 */
import { ACCOUNT_DELETION_GRACE_DAYS, collections, storagePaths, type UserDoc } from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import { addDays } from '../lib/clock.js';
import { domainError } from '../lib/errors.js';
import { defaultUserDoc } from '../credits/ledger.js';
import type { AuthAdmin } from './auth-admin.js';
import { deleteMatching } from './bulk.js';

export interface DeletionRequested {
  requestedAt: Date;
  purgeAfter: Date;
  deletedGenerations: number;
  deletedFiles: number;
}

/**
 * Marks the account for purge, deletes its history (documents and files) and its exports, and
 * signs every device out. Idempotent: a repeat (or a retry after a crash) finishes the deletion
 * and keeps the original purge date.
 */
export async function requestDeletion(
  deps: Pick<Deps, 'store' | 'blobs'>,
  auth: AuthAdmin,
  uid: string,
  now: Date,
): Promise<DeletionRequested> {
  const { store, blobs } = deps;
  // The mark comes first: whatever fails after it, the purge still finds the account.
  const { requestedAt, purgeAfter } = await store.runTransaction(async (tx) => {
    const user = (await tx.get(collections.users.doc(uid))).data;
    if (user?.purgeAfter) {
      return { requestedAt: user.deletionRequestedAt ?? now, purgeAfter: user.purgeAfter };
    }
    // purgeAttempts 0 puts the account in the purge's queue of accounts never tried.
    const mark = {
      deletionRequestedAt: now,
      purgeAfter: addDays(now, ACCOUNT_DELETION_GRACE_DAYS),
      purgeAttempts: 0,
    };
    if (user) tx.update(collections.users.doc(uid), { ...mark, updatedAt: now });
    else tx.set(collections.users.doc(uid), { ...defaultUserDoc(now), ...mark });
    return { requestedAt: mark.deletionRequestedAt, purgeAfter: mark.purgeAfter };
  });

  const deletedGenerations = await deleteMatching(store, {
    collection: collections.generations.in(uid),
  });
  const deletedFiles =
    (await blobs.deletePrefix(storagePaths.userPrefix(uid))) +
    (await blobs.deletePrefix(storagePaths.exportPrefix(uid)));
  await auth.revokeSessions(uid);
  return { requestedAt, purgeAfter, deletedGenerations, deletedFiles };
}

/**
 * Cancels a pending deletion before its purge date; the account works again (history deleted
 * at the request stays deleted). A call without a pending deletion changes nothing.
 */
export async function cancelDeletion(deps: Pick<Deps, 'store'>, uid: string, now: Date): Promise<UserDoc> {
  return deps.store.runTransaction(async (tx) => {
    const user = (await tx.get(collections.users.doc(uid))).data;
    if (!user) throw domainError('not-found', 'not-found', 'There is no profile for this account yet.');
    if (!user.purgeAfter) return user;
    if (user.purgeAfter.getTime() <= now.getTime()) {
      throw domainError(
        'failed-precondition',
        'account-pending-deletion',
        'The grace period is over and this account is being deleted; it can no longer be restored.',
      );
    }
    // `update` cannot remove fields, so the document is rewritten without the deletion mark.
    const {
      deletionRequestedAt: _requested,
      purgeAfter: _purge,
      purgeAttempts: _attempts,
      purgeRetryAt: _retry,
      ...rest
    } = user;
    const restored: UserDoc = { ...rest, updatedAt: now };
    tx.set(collections.users.doc(uid), { ...restored });
    return restored;
  });
}
