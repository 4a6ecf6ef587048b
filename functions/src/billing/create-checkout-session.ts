/**
 * `createCheckoutSession`: a Stripe Checkout Session in `payment` mode for one credit pack. The
 * client names the pack, currency and its own origin; the price comes from configuration and
 * the return URLs only ever point at the app's own origins.
 */
import * as logger from 'firebase-functions/logger';
import {
  CHECKOUT_RETURN_PATHS,
  createCheckoutSessionRequestSchema,
  findPack,
  collections,
  type CreateCheckoutSessionResponse,
  type PaymentDoc,
} from '@mimicit/shared';
import { assertAccountActive } from '../account/profile.js';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { STRIPE_SECRET_KEY } from '../lib/config.js';
import { domainError } from '../lib/errors.js';
import type { Store } from '../lib/store/types.js';
import { ensureStripeCustomer } from './customers.js';
import { paymentExpireAt } from './payment-retention.js';
import { isAllowedOrigin, priceIdFor } from './settings.js';
import { getStripe } from './stripe-client.js';

export const handleCreateCheckoutSession = callableHandler(
  'createCheckoutSession',
  createCheckoutSessionRequestSchema,
  async ({ uid, data, deps, token }): Promise<CreateCheckoutSessionResponse> => {
    const pack = findPack(data.packId);
    if (!pack) {
      throw domainError('invalid-argument', 'unknown-pack', `There is no credit pack "${data.packId}".`);
    }
    if (!isAllowedOrigin(data.returnOrigin)) {
      throw domainError(
        'invalid-argument',
        'origin-not-allowed',
        'Checkout can only return to the Mimicit app. Please buy credits from the app itself.',
      );
    }
    assertAccountActive((await deps.store.get(collections.users.doc(uid))).data);
    const price = priceIdFor(pack.id, data.currency);
    const stripe = await getStripe();
    const now = deps.clock.now();
    const email = typeof token.email === 'string' ? token.email : undefined;

    let session;
    try {
      const customer = await ensureStripeCustomer(deps.store, stripe, uid, email, now);
      const metadata = { uid, packId: pack.id, credits: String(pack.credits) };
      session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price, quantity: 1 }],
        customer,
        client_reference_id: uid,
        metadata,
        // Copied onto the PaymentIntent so a refund seen in the Dashboard still names its pack.
        payment_intent_data: { metadata },
        locale: data.locale,
        success_url: `${data.returnOrigin}${CHECKOUT_RETURN_PATHS.success}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${data.returnOrigin}${CHECKOUT_RETURN_PATHS.cancel}`,
      });
    } catch (err) {
      throw isStripeError(err) ? stripeFailure(err) : err;
    }
    if (!session.url) throw stripeFailure(new Error('Checkout Session without url'));

    await recordPendingPayment(deps.store, session.id, {
      uid,
      minimized: false,
      packId: pack.id,
      credits: pack.credits,
      amount: session.amount_total ?? pack.prices[data.currency],
      currency: data.currency,
      status: 'pending',
      granted: false,
      createdAt: now,
      updatedAt: now,
      expireAt: paymentExpireAt(now),
    });
    logger.info('checkout.sessionCreated', {
      uid,
      packId: pack.id,
      currency: data.currency,
      sessionId: session.id,
    });
    return { sessionId: session.id, url: session.url };
  },
  // Enforced, not consumed: a checkout creates nothing until Stripe is paid (README "Security").
  { appCheck: 'enforce' },
);

/**
 * Writes `payments/{sessionId}` as pending unless the webhook already wrote it (a fast payer):
 * a late pending record must never overwrite a paid one.
 */
async function recordPendingPayment(store: Store, sessionId: string, doc: PaymentDoc): Promise<void> {
  await store.runTransaction(async (tx) => {
    if ((await tx.get(collections.payments.doc(sessionId))).data) return;
    tx.create(collections.payments.doc(sessionId), { ...doc });
  });
}

function isStripeError(err: unknown): boolean {
  const type = (err as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('Stripe');
}

/** Stripe failures become a retryable `unavailable`; only the error's type and code are logged. */
function stripeFailure(err: unknown) {
  const e = err as { type?: string; code?: string; statusCode?: number };
  logger.error('checkout.stripeFailed', { type: e.type ?? 'unknown', code: e.code, status: e.statusCode });
  return domainError(
    'unavailable',
    'payment-provider-unavailable',
    'The payment service could not start checkout. Please try again in a moment.',
  );
}

export const createCheckoutSession = defineCallable(
  { secrets: [STRIPE_SECRET_KEY] },
  handleCreateCheckoutSession,
);
