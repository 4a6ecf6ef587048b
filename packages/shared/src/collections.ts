/**
 * Every Firestore collection and Cloud Storage prefix the product uses.
 * Rules tests check that each one here has rows in the rules table.
 */
export const COLLECTIONS = {
  users: 'users',
  generations: 'generations',
  ledger: 'ledger',
  payments: 'payments',
  stripeEvents: 'stripeEvents',
  accessLogs: 'accessLogs',
  stripeCustomers: 'stripeCustomers',
  modelOverrides: 'modelOverrides',
  modelStatus: 'modelStatus',
  accountTombstones: 'accountTombstones',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Collections nested under `users/{uid}`. */
export const USER_SUBCOLLECTIONS = [COLLECTIONS.generations, COLLECTIONS.ledger] as const;

/** Top-level collections no client may read or write. */
export const SERVER_ONLY_COLLECTIONS = [
  COLLECTIONS.payments,
  COLLECTIONS.stripeEvents,
  COLLECTIONS.accessLogs,
  COLLECTIONS.stripeCustomers,
  COLLECTIONS.modelOverrides,
  COLLECTIONS.modelStatus,
  COLLECTIONS.accountTombstones,
] as const;

export const paths = {
  user: (uid: string) => `${COLLECTIONS.users}/${uid}`,
  generation: (uid: string, id: string) => `${COLLECTIONS.users}/${uid}/${COLLECTIONS.generations}/${id}`,
  ledgerEntry: (uid: string, id: string) => `${COLLECTIONS.users}/${uid}/${COLLECTIONS.ledger}/${id}`,
  payment: (sessionId: string) => `${COLLECTIONS.payments}/${sessionId}`,
  stripeEvent: (eventId: string) => `${COLLECTIONS.stripeEvents}/${eventId}`,
  accessLog: (id: string) => `${COLLECTIONS.accessLogs}/${id}`,
  stripeCustomer: (uid: string) => `${COLLECTIONS.stripeCustomers}/${uid}`,
  /** The operator's runtime catalog overrides (one document). */
  modelOverrides: () => `${COLLECTIONS.modelOverrides}/catalog`,
  /** A retirement mark the server records for one model. */
  modelStatus: (modelId: string) => `${COLLECTIONS.modelStatus}/${modelId}`,
  /** Keyed by the keyed hash of a purged uid, never the uid itself. */
  accountTombstone: (ownerHash: string) => `${COLLECTIONS.accountTombstones}/${ownerHash}`,
} as const;

/** Cloud Storage object paths. Source images are never written anywhere. */
export const storagePaths = {
  generationImage: (uid: string, id: string, ext: string) => `users/${uid}/generations/${id}.${ext}`,
  /**
   * The small WebP next to a generated image (`id` as for {@link storagePaths.generationImage}):
   * under the same prefix, so the owner-read rule, deleteGeneration's per-generation prefix and
   * the account purge cover it without a rule or list of their own.
   */
  generationThumbnail: (uid: string, id: string) => `users/${uid}/generations/${id}.thumb.webp`,
  generationPrefix: (uid: string) => `users/${uid}/generations/`,
  userPrefix: (uid: string) => `users/${uid}/`,
  exportFile: (uid: string, name: string) => `exports/${uid}/${name}`,
  exportPrefix: (uid: string) => `exports/${uid}/`,
} as const;

/** Retention the product promises (PRODUCT.md). */
export const RETENTION = {
  accessLogDays: 90,
  accountPurgeDays: 30,
  exportDays: 1,
  paymentYears: 7,
  /**
   * A purged account's tombstone (a keyed hash, no personal data): outlives every way the
   * account could be recreated — an ID token issued before the purge (1 hour), Stripe's webhook
   * retries (3 days), the slowest asynchronous payment methods (weeks).
   */
  tombstoneDays: 365,
} as const;
