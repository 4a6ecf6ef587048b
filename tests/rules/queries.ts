// The queries the product makes, as data. Client queries run against the rules in the emulator
// tier ("rules are not filters": each must be allowed as a whole); every query here, client
// and server, is checked offline against firestore.indexes.json.
import { collections } from '@mimicit/shared';
import { OWNER_UID } from './fixtures.js';

export type WhereOp = '==' | '<' | '<=' | '>' | '>=' | 'array-contains';

export interface QuerySpec {
  /** Collection path, or the collection id when `group` is set. */
  collection: string;
  /** A collection-group query (server only). */
  group?: boolean;
  where?: readonly (readonly [field: string, op: WhereOp, value: unknown])[];
  orderBy?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  /** A cursor value for the first orderBy field. */
  startAfter?: unknown;
  limit?: number;
}

const generations = collections.generations.in(OWNER_UID);
const newestFirst = [['createdAt', 'desc']] as const;

/** History, newest first, one page. */
export const HISTORY_QUERY: QuerySpec = { collection: generations, orderBy: newestFirst, limit: 20 };

/** The owner's credit ledger, newest first. */
export const LEDGER_QUERY: QuerySpec = {
  collection: collections.ledger.in(OWNER_UID),
  orderBy: newestFirst,
  limit: 20,
};

/** Every query the web app and extension make, by name. */
export const CLIENT_QUERIES: Readonly<Record<string, QuerySpec>> = {
  history: HISTORY_QUERY,
  historyNextPage: { ...HISTORY_QUERY, startAfter: new Date('2025-01-10T09:00:00.000Z') },
  favorites: { collection: generations, where: [['favorite', '==', true]], orderBy: newestFirst, limit: 20 },
  search: {
    collection: generations,
    where: [['searchTokens', 'array-contains', 'cat']],
    orderBy: newestFirst,
    limit: 20,
  },
  byModel: {
    collection: generations,
    where: [['model', '==', 'gpt-image']],
    orderBy: newestFirst,
    limit: 20,
  },
  favoritesSearch: {
    collection: generations,
    where: [
      ['favorite', '==', true],
      ['searchTokens', 'array-contains', 'cat'],
    ],
    orderBy: newestFirst,
    limit: 20,
  },
  favoritesByModel: {
    collection: generations,
    where: [
      ['favorite', '==', true],
      ['model', '==', 'flux-dev'],
    ],
    orderBy: newestFirst,
    limit: 20,
  },
  searchByModel: {
    collection: generations,
    where: [
      ['searchTokens', 'array-contains', 'cat'],
      ['model', '==', 'gpt-image'],
    ],
    orderBy: newestFirst,
    limit: 20,
  },
  favoritesSearchByModel: {
    collection: generations,
    where: [
      ['favorite', '==', true],
      ['searchTokens', 'array-contains', 'cat'],
      ['model', '==', 'flux-dev'],
    ],
    orderBy: newestFirst,
    limit: 20,
  },
  /** The extension side panel's live "recent" list. */
  recent: { ...HISTORY_QUERY, limit: 6 },
  ledger: LEDGER_QUERY,
  ledgerNextPage: { ...LEDGER_QUERY, startAfter: new Date('2025-01-10T09:00:00.000Z') },
};

const now = new Date('2025-06-01T00:00:00.000Z');

/** Queries the functions make with the Admin SDK (rules do not apply; indexes do). */
export const SERVER_QUERIES: Readonly<Record<string, QuerySpec>> = {
  /** The sweeper: reservations left pending past their deadline, across all users. */
  stuckGenerations: {
    collection: collections.generations.group,
    group: true,
    where: [
      ['status', '==', 'pending'],
      ['expiresAt', '<', now],
    ],
    orderBy: [['expiresAt', 'asc']],
    limit: 200,
  },
  /** Rate limit: one user's running generations. */
  pendingOfUser: { collection: generations, where: [['status', '==', 'pending']], limit: 3 },
  /** Accounts whose deletion grace period is over, never tried yet (purge-queue.ts). */
  accountsToPurge: {
    collection: collections.users.in(),
    where: [
      ['purgeAttempts', '==', 0],
      ['purgeAfter', '<=', now],
    ],
    orderBy: [['purgeAfter', 'asc']],
    limit: 100,
  },
  /** Accounts whose purge failed before, least recently tried first. */
  accountsToRetryPurge: {
    collection: collections.users.in(),
    where: [['purgeRetryAt', '<=', now]],
    orderBy: [['purgeRetryAt', 'asc']],
    limit: 100,
  },
  /** Backstops for the access-log TTL policy: by expiry and by age. */
  expiredAccessLogs: {
    collection: collections.accessLogs.in(),
    where: [['expireAt', '<=', now]],
    limit: 500,
  },
  oldAccessLogs: { collection: collections.accessLogs.in(), where: [['at', '<=', now]], limit: 500 },
  /** Backstop for the payments TTL policy: records past their 7 years. */
  expiredPayments: { collection: collections.payments.in(), where: [['expireAt', '<=', now]], limit: 400 },
  /** Export and account deletion: a user's payments and access logs. */
  paymentsOfUser: { collection: collections.payments.in(), where: [['uid', '==', OWNER_UID]], limit: 500 },
  accessLogsOfUser: {
    collection: collections.accessLogs.in(),
    where: [['uid', '==', OWNER_UID]],
    limit: 500,
  },
  /** Stripe refunds: the payment of a payment intent. */
  paymentOfIntent: {
    collection: collections.payments.in(),
    where: [['paymentIntentId', '==', 'pi_1']],
    limit: 1,
  },
};
