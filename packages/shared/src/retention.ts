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
