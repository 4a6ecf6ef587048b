/** The `stripeEvents/{eventId}` marker that makes every webhook event take effect once. */
import { collections, type StripeEventDoc } from '@mimicit/shared';
import type { Tx } from '../lib/store/types.js';
import { addDays } from '../lib/clock.js';

/**
 * How long a processed event id is remembered. Stripe retries a failed delivery for up to three
 * days; a month covers that with room for manual re-sends from the Dashboard.
 */
export const STRIPE_EVENT_RETENTION_DAYS = 30;

/** What an event did: `duplicate`, `granted`, `clawed-back`… and whose account it touched. */
export interface EventOutcome {
  effect: string;
  uid: string | null;
}

/** Queues the creation of the event marker (fails the transaction if it already exists). */
export function recordEvent(tx: Tx, event: { id: string; type: string }, now: Date): void {
  const doc: StripeEventDoc = {
    type: event.type,
    processedAt: now,
    expireAt: addDays(now, STRIPE_EVENT_RETENTION_DAYS),
  };
  tx.create(collections.stripeEvents.doc(event.id), { ...doc });
}

/**
 * An event that arrived too early to apply (a refund for a payment not granted yet). The
 * webhook answers 503 without recording it, so Stripe delivers it again later (with backoff,
 * for up to three days), by when the payment it refers to is known.
 */
export class RetryLaterError extends Error {
  constructor(readonly reason: string) {
    super(`retry later: ${reason}`);
    this.name = 'RetryLaterError';
  }
}
