/**
 * Checkout Session events: grant a pack's credits once per session, record async failures and
 * abandoned (expired) checkouts.
 * Each event is applied in ONE transaction that creates `stripeEvents/{eventId}`, writes the
 * ledger entry `purchase-<sessionId>` with the balance, and updates `payments/{sessionId}`, so a
 * replayed event, or `completed` followed by `async_payment_succeeded`, grants exactly once.
 */
import * as logger from 'firebase-functions/logger';
import { CURRENCIES, findPack, collections, type Currency, type PaymentDoc } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store, Tx } from '../lib/store/types.js';
import { alreadyApplied, ledgerIds, readAccount, writeCreditChange } from '../credits/ledger.js';
import { recordEvent, type EventOutcome } from './event-record.js';
import { paymentExpireAt } from './payment-retention.js';
import { paymentIntentFacts, refundTarget, type PaymentIntentFacts } from './payment-facts.js';
import { accountHashKey, isPurged, paymentOwnerHash } from '../account/tombstones.js';

/**
 * What a session event asks for: `grant` when paid, `await` an async payment, `fail`, or `expire`
 * an abandoned checkout.
 */
export type SessionAction = 'grant' | 'await' | 'fail' | 'expire';

/** Applies one Checkout Session event (see the module comment). */
export async function applySessionEvent(
  store: Store,
  event: { id: string; type: string },
  session: Stripe.Checkout.Session,
  action: SessionAction,
  now: Date,
): Promise<EventOutcome> {
  const facts = action === 'grant' ? await factsBeforeGrant(store, event, session) : undefined;
  return store.runTransaction(async (tx) => {
    const [eventSnap, paymentSnap] = await tx.getAll([
      collections.stripeEvents.doc(event.id),
      collections.payments.doc(session.id),
    ]);
    const existing = paymentSnap?.data as PaymentDoc | undefined;
    if (eventSnap?.data) {
      return { effect: 'duplicate', uid: existing && !existing.minimized ? existing.uid : null };
    }
    const payment = paymentFromSession(session, existing, now);
    if (!payment) {
      // Nothing we can credit (no uid or pack on the session): retrying would not help, so the
      // event is recorded and the operator alerted through the error log.
      logger.error('stripeWebhook.sessionUnattributable', { eventId: event.id, sessionId: session.id });
      recordEvent(tx, event, now);
      return { effect: 'unattributable', uid: null };
    }
    const effect = await sessionEffect(tx, session.id, payment, action, now, facts);
    recordEvent(tx, event, now);
    tx.set(collections.payments.doc(session.id), { ...payment, updatedAt: now });
    return { effect, uid: payment.minimized ? null : payment.uid };
  });
}

/** Reads what it needs, then queues the ledger change; mutates `payment` to its new state. */
async function sessionEffect(
  tx: Tx,
  sessionId: string,
  payment: PaymentDoc,
  action: SessionAction,
  now: Date,
  facts: PaymentIntentFacts | undefined,
): Promise<string> {
  if (action === 'await') return payment.granted ? 'already-granted' : 'awaiting-payment';
  if (action === 'expire') {
    // Only a checkout still waiting can expire; a settled one keeps its status.
    if (payment.granted || payment.status !== 'pending') return 'unchanged';
    payment.status = 'expired';
    return 'expired';
  }
  if (action === 'fail') {
    if (payment.granted) return 'already-granted';
    payment.status = 'failed';
    return 'failed';
  }
  if (payment.minimized) {
    // The account was deleted before the payment settled: there is nobody to credit.
    logger.warn('stripeWebhook.paidAfterDeletion', { sessionId });
    markPaid(payment, now);
    return 'account-deleted';
  }
  const entryId = ledgerIds.purchase(sessionId);
  const [account, done] = await Promise.all([
    readAccount(tx, payment.uid),
    alreadyApplied(tx, payment.uid, entryId),
  ]);
  if (!account.exists && (await isPurged(tx, payment.uid))) {
    // Paid after the purge: crediting would recreate the account. The record is kept for tax
    // law, minimized like every payment of a purged account.
    logger.warn('stripeWebhook.paidAfterPurge', { sessionId });
    Object.assign(payment, { uid: paymentOwnerHash(accountHashKey(), payment.uid), minimized: true });
    markPaid(payment, now);
    return 'account-deleted';
  }
  // Money that arrived settles a payment still open, failed or expired (a refund stays a refund).
  if (payment.status === 'pending' || payment.status === 'failed' || payment.status === 'expired') {
    markPaid(payment, now);
  }
  if (done || payment.granted) {
    payment.granted = true;
    return 'already-granted';
  }
  // A refund made before this grant: pay out only what was not refunded (refund-events.ts).
  const refunded = refundedBeforeGrant(payment, facts);
  const credits = payment.credits - refunded;
  if (credits > 0) {
    writeCreditChange(tx, account, { entryId, delta: credits, reason: 'purchase', ref: sessionId }, now);
  }
  payment.granted = true;
  if (refunded === 0) return 'granted';
  logger.warn('stripeWebhook.refundedBeforeGrant', { sessionId, credits: payment.credits, refunded });
  return credits > 0 ? 'granted-less-refund' : 'refunded-before-grant';
}

/**
 * Stripe's word on the PaymentIntent of a session about to be granted, read outside the
 * transaction; skipped when there is nothing to grant (a replay, a settled or minimized payment).
 */
async function factsBeforeGrant(
  store: Store,
  event: { id: string },
  session: Stripe.Checkout.Session,
): Promise<PaymentIntentFacts | undefined> {
  const paymentIntent = intentId(session.payment_intent);
  if (!paymentIntent) return undefined;
  const [marker, record] = await store.getAll([
    collections.stripeEvents.doc(event.id),
    collections.payments.doc(session.id),
  ]);
  if (marker?.data || record?.data?.granted || record?.data?.minimized) return undefined;
  return paymentIntentFacts(paymentIntent);
}

/** Records a refund Stripe already made on `payment`; returns the credits it covers. */
function refundedBeforeGrant(payment: PaymentDoc, facts: PaymentIntentFacts | undefined): number {
  if (!facts || facts.amountRefunded <= 0) return 0;
  payment.amountRefunded = Math.max(payment.amountRefunded ?? 0, facts.amountRefunded);
  payment.status = payment.amountRefunded >= facts.amount ? 'refunded' : 'partially_refunded';
  return refundTarget(payment.credits, payment.amountRefunded, facts.amount);
}

/**
 * The payment record as it should be after this event: the stored pending record when there is
 * one (written at checkout, so its pack and credits are what the person was shown), otherwise
 * rebuilt from the session's metadata. `undefined` when the session names no user or pack.
 */
function paymentFromSession(
  session: Stripe.Checkout.Session,
  existing: PaymentDoc | undefined,
  now: Date,
): PaymentDoc | undefined {
  const amount = session.amount_total ?? existing?.amount;
  const currency = asCurrency(session.currency) ?? existing?.currency;
  const paymentIntentId = intentId(session.payment_intent) ?? existing?.paymentIntentId;
  if (existing) {
    return {
      ...existing,
      // Records written before retention dates existed get theirs from their creation.
      expireAt: existing.expireAt ?? paymentExpireAt(existing.createdAt),
      ...(amount !== undefined ? { amount } : {}),
      ...(currency ? { currency } : {}),
      ...(paymentIntentId ? { paymentIntentId } : {}),
    };
  }
  const uid = session.metadata?.uid || session.client_reference_id;
  const packId = session.metadata?.packId ?? '';
  const credits = positiveInt(session.metadata?.credits) ?? findPack(packId)?.credits;
  if (!uid || !credits || amount === undefined || !currency) return undefined;
  return {
    uid,
    minimized: false,
    packId,
    credits,
    amount,
    currency,
    status: 'pending',
    granted: false,
    ...(paymentIntentId ? { paymentIntentId } : {}),
    createdAt: now,
    updatedAt: now,
    expireAt: paymentExpireAt(now),
  };
}

/** The money moved: the 7-year retention counts from now (payment-retention.ts). */
function markPaid(payment: PaymentDoc, now: Date): void {
  if (payment.status !== 'paid') payment.expireAt = paymentExpireAt(now);
  payment.status = 'paid';
}

function asCurrency(value: string | null | undefined): Currency | undefined {
  const lower = value?.toLowerCase();
  return (CURRENCIES as readonly string[]).includes(lower ?? '') ? (lower as Currency) : undefined;
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A PaymentIntent id from an expandable field (id string or expanded object). */
export function intentId(value: string | { id: string } | null | undefined): string | undefined {
  if (!value) return undefined;
  return typeof value === 'string' ? value : value.id;
}
