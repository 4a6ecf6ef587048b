/**
 * What Stripe itself says about a PaymentIntent, for the two decisions an event's payload cannot
 * settle: is a refunded charge one of our credit purchases (its PaymentIntent carries the
 * `uid`/`packId` metadata createCheckoutSession sets), and how much of a payment was already
 * refunded when its grant arrives (events are delivered in any order, and a delayed
 * `checkout.session.completed` still says "paid" after a refund).
 */
import type { Stripe } from 'stripe';
import { getStripe } from './stripe-client.js';

export interface PaymentIntentFacts {
  /** Created by our Checkout (metadata names the account and the pack). */
  ours: boolean;
  /** Amount of the successful charge, in the currency's smallest unit. */
  amount: number;
  /** How much of it was refunded so far. */
  amountRefunded: number;
}

/** Reads the PaymentIntent and its latest charge from Stripe; throws when Stripe cannot answer. */
export async function paymentIntentFacts(paymentIntentId: string): Promise<PaymentIntentFacts> {
  const stripe = await getStripe();
  const pi = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
  const charge = typeof pi.latest_charge === 'object' ? (pi.latest_charge as Stripe.Charge | null) : null;
  return {
    ours: Boolean(pi.metadata?.uid && pi.metadata?.packId),
    amount: charge?.amount ?? pi.amount_received,
    amountRefunded: charge?.amount_refunded ?? 0,
  };
}

/**
 * Credits a cumulative refund of `refunded` out of `amount` corresponds to. Stripe reports the
 * running total, so each event takes target(new) − target(previous) and a full refund, however
 * it is split, takes back exactly the pack's credits.
 */
export function refundTarget(credits: number, refunded: number, amount: number): number {
  if (amount <= 0) return 0;
  return Math.round((credits * Math.min(refunded, amount)) / amount);
}
