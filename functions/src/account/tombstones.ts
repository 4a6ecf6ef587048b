/**
 * Purged accounts stay purged. An ID token issued before the purge stays valid for up to an
 * hour, a custom token signs a deleted uid in again, and Stripe may deliver a webhook for it days
 * later: each could write a fresh `users/{uid}` (with a new signup grant) that nothing would
 * ever purge. The purge therefore first writes `accountTombstones/{ownerHash}` — the same keyed
 * hash that replaces the uid on kept payments, so no personal data in clear — and every path
 * that creates an account checks it (ensureProfile, createExtensionToken, webhook grants).
 */
import { createHmac } from 'node:crypto';
import { RETENTION, collections, type AccountTombstoneDoc } from '@mimicit/shared';
import { PAYMENT_HASH_KEY } from '../lib/config.js';
import { isEmulated } from '../lib/env.js';
import { addDays } from '../lib/clock.js';
import { domainError } from '../lib/errors.js';
import type { Store, Tx, WriteOp } from '../lib/store/types.js';

/** Only for the Emulator Suite, local mode and tests, where no secret is bound; never in production. */
const DEV_HASH_KEY = 'mimicit-emulator-only-account-hash-key';

/**
 * The keyed hash that stands for a purged account: on kept payment records and as the id of its
 * tombstone. Without the key it cannot be reversed or recomputed from a uid.
 */
export function paymentOwnerHash(key: string, uid: string): string {
  return createHmac('sha256', key).update(uid).digest('hex');
}

/**
 * `PAYMENT_HASH_KEY`, bound to every function that purges or creates accounts. Empty in
 * production is a deployment mistake: refusing beats writing tombstones nobody can find.
 */
export function accountHashKey(): string {
  const key = PAYMENT_HASH_KEY.value();
  if (key) return key;
  if (isEmulated()) return DEV_HASH_KEY;
  throw new Error('PAYMENT_HASH_KEY is not bound to this function.');
}

/** The tombstone write for a purged `uid` (idempotent: a rerun rewrites the same document). */
export function tombstoneWrite(key: string, uid: string, now: Date): WriteOp {
  const doc: AccountTombstoneDoc = { purgedAt: now, expireAt: addDays(now, RETENTION.tombstoneDays) };
  return {
    kind: 'set',
    path: collections.accountTombstones.doc(paymentOwnerHash(key, uid)),
    data: { ...doc },
  };
}

/** True when `uid` was purged. In a transaction, call it before any write. */
export async function isPurged(
  reader: Pick<Store | Tx, 'get'>,
  uid: string,
  key = accountHashKey(),
): Promise<boolean> {
  return (await reader.get(collections.accountTombstones.doc(paymentOwnerHash(key, uid)))).data !== undefined;
}

/** The refusal for a request made on behalf of a purged account. */
export function accountDeleted() {
  return domainError(
    'failed-precondition',
    'account-deleted',
    'This account was deleted. Sign out, then sign in again to start a new account.',
  );
}
