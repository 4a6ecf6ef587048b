/**
 * The daily purge: accounts past their purge date, access logs past 90 days, stale exports.
 *
 * Resumable by construction: every step is idempotent (deleting what is already gone is a
 * no-op, a minimized payment no longer matches the owner query) and the account's own
 * `users/{uid}` document — the "purge me" mark — is deleted last, so a run that stops midway
 * leaves the mark in place and the next run finishes the job.
 */
import * as logger from 'firebase-functions/logger';
import { RETENTION, collections, storagePaths, type PersonalCollection } from '@mimicit/shared';
import { paymentExpireAt } from '../billing/payment-retention.js';
import type { Deps } from '../lib/deps.js';
import { DAY_MS } from '../lib/clock.js';
import { mapLimit } from '../lib/concurrency.js';
import type { AuthAdmin } from './auth-admin.js';
import { PURGE_PAGE, duePage, recordPurgeFailure } from './purge-queue.js';
import { paymentOwnerHash, tombstoneWrite } from './tombstones.js';
import { deleteMatching, rewriteMatching } from './bulk.js';
import { deleteOwned, ownedBy, readOwned } from './owned.js';

/** Accounts purged side by side: enough to finish a backlog, gentle on Auth's admin quota. */
export const PURGE_CONCURRENCY = 4;
/** Upper bound of accounts one run takes on; the rest waits a day (well inside 30 days). */
export const MAX_ACCOUNTS_PER_RUN = 2000;
/** Pages of expired access logs one run deletes (the TTL policy does the bulk of the work). */
export const MAX_LOG_PAGES_PER_RUN = 50;

export interface PurgeCounts {
  accountsPurged: number;
  accountsFailed: number;
  paymentsMinimized: number;
  /** Access logs of purged accounts (they hold IP addresses). */
  accountLogsDeleted: number;
  /** Firestore documents of purged accounts' `users/{uid}` trees and server-side records. */
  accountDocsDeleted: number;
  filesDeleted: number;
  expiredLogsDeleted: number;
  staleExportsDeleted: number;
  /** Payment records past their 7 years (the TTL policy's backstop). */
  expiredPaymentsDeleted: number;
}

/** Processors outside Firebase that hold a copy of account data. */
export interface PurgeExternals {
  /**
   * Deletes the Stripe Customer (email, uid in metadata). Stripe keeps the payments themselves
   * for its own legal duties. Must treat an already-deleted customer as done.
   */
  deleteStripeCustomer?: (customerId: string) => Promise<void>;
}

/**
 * Runs one purge pass at `now`. A failing account is counted, recorded on its document and
 * retried by later runs (purge-queue.ts); it never stops the run for the others.
 */
export async function runPurge(
  deps: Pick<Deps, 'store' | 'blobs'>,
  auth: AuthAdmin,
  hashKey: string,
  now: Date,
  externals: PurgeExternals = {},
): Promise<PurgeCounts> {
  if (!hashKey) throw new Error('PAYMENT_HASH_KEY is empty: refusing to minimize payments with it.');
  const counts: PurgeCounts = {
    accountsPurged: 0,
    accountsFailed: 0,
    paymentsMinimized: 0,
    accountLogsDeleted: 0,
    accountDocsDeleted: 0,
    filesDeleted: 0,
    expiredLogsDeleted: 0,
    staleExportsDeleted: 0,
    expiredPaymentsDeleted: 0,
  };

  // Accounts never tried first, then earlier failures (see purge-queue.ts).
  for (const queue of ['fresh', 'retry'] as const) {
    while (counts.accountsPurged + counts.accountsFailed < MAX_ACCOUNTS_PER_RUN) {
      const due = await duePage(deps.store, queue, now);
      if (due.length === 0) break;
      // Every account of the page leaves the queue: purged, or its failure recorded.
      let leftQueue = true;
      await mapLimit(due, PURGE_CONCURRENCY, async ({ id: uid }) => {
        try {
          await purgeAccount({ deps, externals, hashKey, uid, now, counts }, auth);
          counts.accountsPurged++;
        } catch (err) {
          counts.accountsFailed++;
          if (!(await recordPurgeFailure(deps.store, uid, now, err))) leftQueue = false;
        }
      });
      if (!leftQueue || due.length < PURGE_PAGE) break;
    }
  }

  counts.expiredLogsDeleted = await purgeExpiredAccessLogs(deps, now);
  counts.staleExportsDeleted = await purgeStaleExports(deps, now);
  counts.expiredPaymentsDeleted = await deleteMatching(
    deps.store,
    { collection: collections.payments.in(), where: [['expireAt', '<=', now]] },
    MAX_LOG_PAGES_PER_RUN,
  );
  return counts;
}

interface PurgeContext {
  deps: Pick<Deps, 'store' | 'blobs'>;
  externals: PurgeExternals;
  hashKey: string;
  uid: string;
  now: Date;
  counts: PurgeCounts;
}

/**
 * What the purge does with each collection the registry says holds personal data, in registry
 * order. `with-account`: the documents live under `users/{uid}` and go with its tree, last. A
 * collection added to the registry with personal data fails to compile here until it has a step.
 */
export const PURGE_STEPS: {
  readonly [K in PersonalCollection]: 'with-account' | ((ctx: PurgeContext) => Promise<void>);
} = {
  users: 'with-account',
  generations: 'with-account',
  ledger: 'with-account',
  payments: async ({ deps, hashKey, uid, now, counts }) => {
    const ownerHash = paymentOwnerHash(hashKey, uid);
    const owned = ownedBy('payments', uid);
    if (owned.kind !== 'query') throw new Error('payments are found by their uid field');
    counts.paymentsMinimized += await rewriteMatching(deps.store, owned.spec, (s) => {
      const p = s.data!;
      // Kept for tax law until expireAt; older records without one get it from their creation.
      const expireAt = p.expireAt ?? paymentExpireAt(p.createdAt);
      return {
        kind: 'update',
        path: s.path,
        data: { uid: ownerHash, minimized: true, updatedAt: now, expireAt },
      };
    });
  },
  accessLogs: async ({ deps, uid, counts }) => {
    counts.accountLogsDeleted += await deleteOwned(deps.store, 'accessLogs', uid);
  },
  stripeCustomers: async ({ deps, externals, uid, counts }) => {
    // The customer id lives only in stripeCustomers/{uid}: Stripe goes first.
    const [customer] = await readOwned(deps.store, 'stripeCustomers', uid);
    if (customer?.data && externals.deleteStripeCustomer)
      await externals.deleteStripeCustomer(customer.data.customerId);
    counts.accountDocsDeleted += await deleteOwned(deps.store, 'stripeCustomers', uid);
  },
};

/** Every step is idempotent; the `users/{uid}` mark goes last (see the module comment). */
async function purgeAccount(ctx: PurgeContext, auth: AuthAdmin): Promise<void> {
  const { deps, hashKey, uid, now, counts } = ctx;
  const { store, blobs } = deps;
  // First, so nothing can create the account again once its data starts to go (tombstones.ts).
  await store.batch([tombstoneWrite(hashKey, uid, now)]);
  // No new sessions while the data goes.
  await auth.disable(uid);
  for (const step of Object.values(PURGE_STEPS)) if (step !== 'with-account') await step(ctx);
  counts.filesDeleted +=
    (await blobs.deletePrefix(storagePaths.userPrefix(uid))) +
    (await blobs.deletePrefix(storagePaths.exportPrefix(uid)));
  await auth.delete(uid);
  counts.accountDocsDeleted += await store.deleteRecursive(collections.users.doc(uid));
  logger.info('purge.accountPurged', { uid });
}

/** Backstop for the TTL policy on `expireAt`: nothing older than 90 days survives a run. */
async function purgeExpiredAccessLogs(deps: Pick<Deps, 'store'>, now: Date): Promise<number> {
  const byExpiry = await deleteMatching(
    deps.store,
    { collection: collections.accessLogs.in(), where: [['expireAt', '<=', now]] },
    MAX_LOG_PAGES_PER_RUN,
  );
  // Entries without `expireAt` (should never exist) still age out by their time.
  const cutoff = new Date(now.getTime() - RETENTION.accessLogDays * DAY_MS);
  const byAge = await deleteMatching(
    deps.store,
    { collection: collections.accessLogs.in(), where: [['at', '<=', cutoff]] },
    MAX_LOG_PAGES_PER_RUN,
  );
  return byExpiry + byAge;
}

const EXPORT_NAME = /\/mimicit-export-(\d{13})\.json$/;

/** Exports older than a day (the bucket's lifecycle rule is the first line; this is the backstop). */
async function purgeStaleExports(deps: Pick<Deps, 'blobs'>, now: Date): Promise<number> {
  const cutoff = now.getTime() - RETENTION.exportDays * DAY_MS;
  let n = 0;
  for (const name of await deps.blobs.list(storagePaths.exportsRoot())) {
    const made = Number(EXPORT_NAME.exec(name)?.[1] ?? 0);
    // Anything under exports/ that is not a recognisable export is not ours to keep either.
    if (made <= cutoff) {
      await deps.blobs.delete(name);
      n++;
    }
  }
  return n;
}
