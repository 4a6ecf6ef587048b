/**
 * One Stripe customer per user, reused for every purchase. The customer id lives only in
 * `stripeCustomers/{uid}` (server-only), never on the user's own document.
 */
import { collections, type StripeCustomerDoc } from '@mimicit/shared';
import type { Store } from '../lib/store/types.js';
import type { StripeClient } from './stripe-client.js';

/**
 * Returns the user's Stripe customer id, creating the customer on the first purchase. Two
 * first purchases at once share one Stripe idempotency key, so Stripe returns the same customer
 * to both; the transaction keeps whichever id was stored first.
 */
export async function ensureStripeCustomer(
  store: Store,
  stripe: StripeClient,
  uid: string,
  email: string | undefined,
  now: Date,
): Promise<string> {
  const existing = (await store.get(collections.stripeCustomers.doc(uid))).data;
  if (existing) return existing.customerId;
  const customer = await stripe.customers.create(
    { ...(email ? { email } : {}), metadata: { uid } },
    { idempotencyKey: `mimicit-customer-${uid}` },
  );
  return store.runTransaction(async (tx) => {
    const stored = (await tx.get(collections.stripeCustomers.doc(uid))).data;
    if (stored) return stored.customerId;
    const doc: StripeCustomerDoc = { customerId: customer.id, createdAt: now };
    tx.create(collections.stripeCustomers.doc(uid), { ...doc });
    return customer.id;
  });
}
