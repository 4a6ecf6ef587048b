/**
 * `charge.refunded`: take back the refunded share of a pack's credits, but only what is still
 * unspent. Credits already used for generations cannot be returned, so when the refund asks for
 * more than the balance holds the balance goes to zero (never below) and the account is flagged
 * for a person to review.
 */
import * as logger from 'firebase-functions/logger';
import { COLLECTIONS, paths, type PaymentDoc } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store } from '../lib/store/types.js';
import {
  alreadyApplied,
  clampedClawback,
  ledgerIds,
  readAccount,
  writeCreditChange,
} from '../credits/ledger.js';
import { recordEvent, type EventOutcome } from './event-record.js';
import { intentId } from './session-events.js';

/**
 * Credits a cumulative refund of `refunded` out of `amount` corresponds to. Stripe reports the
 * running total, so each event takes target(new) − target(previous) and a full refund, however
 * it is split, takes back exactly the pack's credits.
 */
export function refundTarget(credits: number, refunded: number, amount: number): number {
  if (amount <= 0) return 0;
  return Math.round((credits * Math.min(refunded, amount)) / amount);
}

/** Applies one `charge.refunded` event in one transaction with its event marker. */
export async function applyRefundEvent(
  store: Store,
  event: { id: string; type: string },
  charge: Stripe.Charge,
  now: Date,
): Promise<EventOutcome> {
  const paymentIntent = intentId(charge.payment_intent);
  return store.runTransaction(async (tx) => {
    const eventSnap = await tx.get(paths.stripeEvent(event.id));
    if (eventSnap.data) return { effect: 'duplicate', uid: null };
    const rows = paymentIntent
      ? await tx.query<PaymentDoc>({
          collection: COLLECTIONS.payments,
          where: [['paymentIntentId', '==', paymentIntent]],
          limit: 1,
        })
      : [];
    const row = rows[0];
    if (!row?.data) {
      // Not one of our credit purchases (or recorded before we knew its PaymentIntent).
      logger.warn('stripeWebhook.refundWithoutPayment', { eventId: event.id, chargeId: charge.id });
      recordEvent(tx, event, now);
      return { effect: 'unknown-payment', uid: null };
    }
    const payment = row.data;
    const sessionId = row.id;
    const previous = payment.amountRefunded ?? 0;
    const refunded = charge.amount_refunded;
    if (refunded <= previous) {
      recordEvent(tx, event, now);
      return { effect: 'no-new-refund', uid: payment.minimized ? null : payment.uid };
    }
    const wanted =
      payment.granted && !payment.minimized
        ? refundTarget(payment.credits, refunded, charge.amount) -
          refundTarget(payment.credits, previous, charge.amount)
        : 0;
    const entryId = ledgerIds.clawback(`${charge.id}-${refunded}`);
    const [account, done] =
      wanted > 0
        ? await Promise.all([readAccount(tx, payment.uid), alreadyApplied(tx, payment.uid, entryId)])
        : [undefined, true];

    let effect = 'refund-recorded';
    if (account && !done) {
      const { take, shortfall } = clampedClawback(account.credits, wanted);
      const flag =
        shortfall > 0
          ? {
              flagged: true,
              flagReason: `refund-exceeds-unspent: session ${sessionId} refunded ${wanted} credits, ${take} were unspent`,
            }
          : {};
      if (take > 0) {
        writeCreditChange(
          tx,
          account,
          { entryId, delta: -take, reason: 'clawback', ref: sessionId },
          now,
          flag,
        );
      } else if (account.exists) {
        tx.update(paths.user(payment.uid), { ...flag, updatedAt: now });
      }
      effect = shortfall > 0 ? 'clawed-back-flagged' : 'clawed-back';
      if (shortfall > 0) logger.warn('stripeWebhook.refundExceedsUnspent', { sessionId, wanted, take });
    }
    recordEvent(tx, event, now);
    tx.set(paths.payment(sessionId), {
      ...payment,
      amountRefunded: refunded,
      status: refunded >= charge.amount ? 'refunded' : 'partially_refunded',
      updatedAt: now,
    });
    return { effect, uid: payment.minimized ? null : payment.uid };
  });
}
