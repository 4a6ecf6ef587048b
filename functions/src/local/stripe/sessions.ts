/**
 * State of the local Stripe API (customers and Checkout Sessions), in its own persisted store so
 * a checkout left open survives a restart. Only what Mimicit's code sends and reads is modelled.
 */
import { randomBytes } from 'node:crypto';
import { CREDIT_PACKS, CURRENCIES, type Currency } from '@mimicit/shared';
import type { Store } from '../../lib/store/types.js';
import { localPriceId } from '../runtime/config.js';

export interface LocalSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_total: number;
  currency: Currency;
  customer: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  locale: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  created: number;
  expires_at: number;
  livemode: false;
  /** Local only (never sent): the pack, for the test checkout page. */
  packId: string;
  /** Local only: `payment_intent_data.metadata`, copied onto the PaymentIntent at payment. */
  intentMetadata: Record<string, string>;
}

/** The session as Stripe shows it (without the local bookkeeping fields). */
export function publicSession(session: LocalSession): Omit<LocalSession, 'packId' | 'intentMetadata'> {
  const { packId: _pack, intentMetadata: _meta, ...rest } = session;
  return rest;
}

export const stripeId = (prefix: string) => `${prefix}_local_${randomBytes(12).toString('hex')}`;

/** The pack and currency behind a local price id, or undefined for an unknown price. */
export function priceOf(priceId: string): { packId: string; amount: number; currency: Currency } | undefined {
  for (const pack of CREDIT_PACKS)
    for (const currency of CURRENCIES)
      if (localPriceId(pack.id, currency) === priceId)
        return { packId: pack.id, amount: pack.prices[currency], currency };
  return undefined;
}

export const sessionPath = (id: string) => `sessions/${id}`;
export const intentPath = (id: string) => `payment_intents/${id}`;
export const chargePath = (id: string) => `charges/${id}`;

/**
 * The PaymentIntent and its charge a paid session leaves behind (the webhook asks Stripe for
 * them: whose purchase it is, how much was refunded). Returns the session, now paid.
 */
export async function payForSession(store: Store, session: LocalSession): Promise<LocalSession> {
  const intentId = session.payment_intent ?? stripeId('pi');
  const chargeId = stripeId('ch');
  const created = Math.floor(Date.now() / 1000);
  const paid: LocalSession = {
    ...session,
    status: 'complete',
    payment_status: 'paid',
    payment_intent: intentId,
  };
  await store.batch([
    {
      kind: 'set',
      path: intentPath(intentId),
      data: {
        id: intentId,
        object: 'payment_intent',
        amount: session.amount_total,
        amount_received: session.amount_total,
        currency: session.currency,
        status: 'succeeded',
        customer: session.customer,
        metadata: session.intentMetadata,
        latest_charge: chargeId,
        created,
        livemode: false,
      },
    },
    {
      kind: 'set',
      path: chargePath(chargeId),
      data: {
        id: chargeId,
        object: 'charge',
        amount: session.amount_total,
        amount_refunded: 0,
        currency: session.currency,
        paid: true,
        refunded: false,
        payment_intent: intentId,
        metadata: session.intentMetadata,
        created,
        livemode: false,
      },
    },
    { kind: 'set', path: sessionPath(session.id), data: { ...paid } },
  ]);
  return paid;
}

export async function readSession(store: Store, id: string): Promise<LocalSession | undefined> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(id)) return undefined;
  // Local Stripe's own state, written only by this module: plain data outside the registry.
  return (await store.get(sessionPath(id))).data as LocalSession | undefined;
}
