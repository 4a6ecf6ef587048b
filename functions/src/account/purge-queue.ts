/**
 * Which accounts a purge run takes on, in which order, and what a failed attempt leaves behind.
 *
 * Two queues on `users`: accounts never tried (`purgeAttempts == 0`, oldest `purgeAfter` first),
 * then accounts that failed before (`purgeRetryAt`, least recently tried first). A failure is
 * recorded on the account (`purgeAttempts` + 1, `purgeRetryAt` an hour later), which takes it out
 * of this run — the run goes on with everyone else — and puts it behind every fresh account in
 * the next one, so one broken account never blocks or leads the queue. From
 * {@link PURGE_ALERT_AFTER} failures on, each failure is logged at ALERT severity for a person to
 * look at: the 30-day deletion promise is at stake.
 */
import * as logger from 'firebase-functions/logger';
import { collections, type UserDoc } from '@mimicit/shared';
import type { Snapshot, Store } from '../lib/store/types.js';

/** Failed attempts after which every further failure raises an alert. */
export const PURGE_ALERT_AFTER = 3;
/** How long a failed account waits: past this run and the scheduler's own retries of it. */
export const PURGE_RETRY_DELAY_MS = 60 * 60 * 1000;
/** Accounts read per query. */
export const PURGE_PAGE = 100;

export type PurgeQueue = 'fresh' | 'retry';

/** The next page of `queue` due at `now`. */
export function duePage(store: Store, queue: PurgeQueue, now: Date): Promise<Snapshot<UserDoc>[]> {
  return queue === 'fresh'
    ? store.query({
        collection: collections.users.in(),
        where: [
          ['purgeAttempts', '==', 0],
          ['purgeAfter', '<=', now],
        ],
        orderBy: [['purgeAfter', 'asc']],
        limit: PURGE_PAGE,
      })
    : store.query({
        collection: collections.users.in(),
        where: [['purgeRetryAt', '<=', now]],
        orderBy: [['purgeRetryAt', 'asc']],
        limit: PURGE_PAGE,
      });
}

/**
 * Records a failed attempt on the account and logs it (ALERT from {@link PURGE_ALERT_AFTER} on).
 * Returns false when the failure could not be recorded: the account is then still in its queue
 * and the run must not read that page again.
 */
export async function recordPurgeFailure(
  store: Store,
  uid: string,
  now: Date,
  err: unknown,
): Promise<boolean> {
  const error = err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300);
  let attempts: number | undefined;
  try {
    attempts = await store.runTransaction(async (tx) => {
      const user = (await tx.get(collections.users.doc(uid))).data;
      // Gone: the failing step came after the mark was deleted; nothing is left to retry.
      if (!user?.purgeAfter) return undefined;
      const n = (user.purgeAttempts ?? 0) + 1;
      tx.update(collections.users.doc(uid), {
        purgeAttempts: n,
        purgeRetryAt: new Date(now.getTime() + PURGE_RETRY_DELAY_MS),
      });
      return n;
    });
  } catch (recordErr) {
    logger.error('purge.accountFailed', { uid, error, recorded: false, recordError: String(recordErr) });
    return false;
  }
  if (attempts !== undefined && attempts >= PURGE_ALERT_AFTER) {
    logger.write({ severity: 'ALERT', message: 'purge.accountStuck', uid, attempts, error });
  } else {
    logger.error('purge.accountFailed', { uid, attempts, error });
  }
  return true;
}
