/**
 * `charge.refunded`: take back the refunded share of a pack's credits, but only what is still
 * unspent. Credits already used for generations cannot be returned, so when the refund asks for
 * more than the balance holds the balance goes to zero (never below) and the account is flagged
 * for a person to review.
 *
 * A refund can arrive before its payment was granted (events come in any order, and the grant's
 * delivery may be failing). Recording it then would lose it — nothing to take back yet — and the
 * later grant would pay the full pack, so it is answered "retry later" (503) until the grant is
 * in. A charge we have no record of is ours when its PaymentIntent carries our metadata; the
 * grant itself also asks Stripe what was refunded meanwhile (session-events.ts), so a refund
 * whose retries ran out is still not paid out.
 */
import * as logger from 'firebase-functions/logger';
import { collections, type PaymentDoc } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store } from '../lib/store/types.js';
import {
  alreadyApplied,
  clampedClawback,
  ledgerIds,
  readAccount,
  writeCreditChange,
} from '../credits/ledger.js';
import { RetryLaterError, recordEvent, type EventOutcome } from './event-record.js';
import { paymentIntentFacts, refundTarget } from './payment-facts.js';
import { intentId } from './session-events.js';

/** Applies one `charge.refunded` event in one transaction with its event marker. */
export async function applyRefundEvent(
  store: Store,
  event: { id: string; type: string },
  charge: Stripe.Charge,
  now: Date,
): Promise<EventOutcome> {
  const paymentIntent = intentId(charge.payment_intent);
  if ((await store.get(collections.stripeEvents.doc(event.id))).data)
    return { effect: 'duplicate', uid: null };
  // Outside the transaction (a network call): only for a charge we hold no record of.
  const ours =
    paymentIntent && !(await paymentOf(store, paymentIntent)) ? await isOurs(paymentIntent) : false;
  return store.runTransaction(async (tx) => {
    const eventSnap = await tx.get(collections.stripeEvents.doc(event.id));
    if (eventSnap.data) return { effect: 'duplicate', uid: null };
    const rows = paymentIntent
      ? await tx.query({
          collection: collections.payments.in(),
          where: [['paymentIntentId', '==', paymentIntent]],
          limit: 1,
        })
      : [];
    const row = rows[0];
    if (!row?.data) {
      // Ours, but its session was not applied yet: Stripe redelivers until it is.
      if (ours) throw new RetryLaterError('refund-before-payment-known');
      logger.warn('stripeWebhook.refundWithoutPayment', { eventId: event.id, chargeId: charge.id });
      recordEvent(tx, event, now);
      return { effect: 'unknown-payment', uid: null };
    }
    const payment = row.data;
    if (!payment.granted && !payment.minimized) throw new RetryLaterError('refund-before-grant');
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
        tx.update(collections.users.doc(payment.uid), { ...flag, updatedAt: now });
      }
      effect = shortfall > 0 ? 'clawed-back-flagged' : 'clawed-back';
      if (shortfall > 0) logger.warn('stripeWebhook.refundExceedsUnspent', { sessionId, wanted, take });
    }
    recordEvent(tx, event, now);
    tx.set(collections.payments.doc(sessionId), {
      ...payment,
      amountRefunded: refunded,
      status: refunded >= charge.amount ? 'refunded' : 'partially_refunded',
      updatedAt: now,
    });
    return { effect, uid: payment.minimized ? null : payment.uid };
  });
}

/** The payment record of a PaymentIntent, read outside any transaction. */
async function paymentOf(store: Store, paymentIntent: string): Promise<PaymentDoc | undefined> {
  const rows = await store.query({
    collection: collections.payments.in(),
    where: [['paymentIntentId', '==', paymentIntent]],
    limit: 1,
  });
  return rows[0]?.data;
}

/** True when Stripe says the PaymentIntent came from our Checkout. */
async function isOurs(paymentIntent: string): Promise<boolean> {
  return (await paymentIntentFacts(paymentIntent)).ours;
}
