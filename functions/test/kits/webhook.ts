/**
 * Test helpers for the webhook: Stripe-shaped event payloads, signed with the real library's
 * `generateTestHeaderString`, delivered to {@link handleStripeWebhook} through fake req/res.
 * Only imported by tests.
 */
import Stripe from 'stripe';
import { collections } from '@mimicit/shared';
import { expect } from 'vitest';
import type { Store } from '../../src/lib/store/types.js';
import { ledgerOf } from '../../src/credits/ledger.js';
import { handleStripeWebhook, type WebhookResponse } from '../../src/billing/stripe-webhook.js';

export const WEBHOOK_SECRET = 'whsec_test_mimicit_local_only';

let seq = 0;
/** A unique id with a Stripe-like prefix. */
export const nextId = (prefix: string) => `${prefix}_test_${++seq}_${Math.random().toString(36).slice(2, 8)}`;

export interface SessionFixture {
  sessionId: string;
  uid: string;
  packId?: string;
  credits?: number;
  amount?: number;
  currency?: string;
  paymentStatus?: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntent?: string;
}

/** A `checkout.session.*` event as Stripe would send it (only the fields we read, plus a few). */
export function sessionEvent(type: string, s: SessionFixture, eventId = nextId('evt')) {
  return {
    id: eventId,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: s.sessionId,
        object: 'checkout.session',
        mode: 'payment',
        client_reference_id: s.uid,
        metadata: { uid: s.uid, packId: s.packId ?? 'starter', credits: String(s.credits ?? 50) },
        payment_status: s.paymentStatus ?? 'paid',
        amount_total: s.amount ?? 500,
        currency: s.currency ?? 'jpy',
        payment_intent: s.paymentIntent ?? null,
      },
    },
  };
}

/** A `charge.refunded` event with the running refunded total. */
export function refundEvent(c: {
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
  chargeId?: string;
}) {
  return {
    id: nextId('evt'),
    object: 'event',
    type: 'charge.refunded',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: c.chargeId ?? 'ch_test_refunded',
        object: 'charge',
        amount: c.amount,
        amount_refunded: c.amountRefunded,
        refunded: c.amountRefunded >= c.amount,
        currency: 'jpy',
        payment_intent: c.paymentIntent,
      },
    },
  };
}

export interface DeliverOptions {
  secret?: string;
  /** Unix seconds used in the signature header (default now). */
  timestamp?: number;
  /** Change the body after signing. */
  tamper?: (body: string) => string;
  signature?: string | null;
  method?: string;
}

export interface Delivery {
  status: number;
  body: unknown;
}

/** Signs `event` with the real Stripe helper and calls the webhook handler with fake req/res. */
export async function deliver(event: object, opts: DeliverOptions = {}): Promise<Delivery> {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? WEBHOOK_SECRET,
    ...(opts.timestamp !== undefined ? { timestamp: opts.timestamp } : {}),
  });
  const body = opts.tamper ? opts.tamper(payload) : payload;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Stripe/1.0' };
  if (opts.signature !== null) headers['stripe-signature'] = opts.signature ?? header;
  const result: Delivery = { status: 0, body: undefined };
  const res: WebhookResponse = {
    status(code) {
      result.status = code;
      return res;
    },
    json(b) {
      result.body = b;
      return res;
    },
  };
  await handleStripeWebhook(
    { method: opts.method ?? 'POST', rawBody: Buffer.from(body), headers, ip: '198.51.100.20' },
    res,
  );
  return result;
}

/** Asserts balance == sum(ledger) for `uid` and returns the balance (0 for an absent account). */
export async function balanceMatchesLedger(store: Store, uid: string): Promise<number> {
  const user = (await store.get(collections.users.doc(uid))).data;
  const sum = (await ledgerOf(store, uid)).reduce((s, e) => s + e.delta, 0);
  expect(user?.credits ?? 0).toBe(sum);
  expect(user?.credits ?? 0).toBeGreaterThanOrEqual(0);
  return sum;
}
