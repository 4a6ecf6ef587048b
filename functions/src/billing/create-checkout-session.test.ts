import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultUserDoc } from '../credits/ledger.js';
import { collections } from '@mimicit/shared';
import { resetDeps } from '../lib/deps.js';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { handleCreateCheckoutSession } from './create-checkout-session.js';
import { fakeStripeApi } from '../../test/fakes/stripe-api.js';

const ORIGIN = 'https://app.mimicit.test';
const PRICES = {
  starter: { jpy: 'price_starter_jpy', usd: 'price_starter_usd' },
  creator: { jpy: 'price_creator_jpy' },
};
const request = (over: Record<string, unknown> = {}) => ({
  packId: 'starter',
  currency: 'jpy',
  locale: 'ja',
  returnOrigin: ORIGIN,
  ...over,
});

describe('handleCreateCheckoutSession against a local fake Stripe', () => {
  const fake = fakeStripeApi();
  let stop: () => Promise<void>;
  let deps: ReturnType<typeof useMemoryDeps>;

  // The real SDK, sending its real HTTP requests to the fake over plain HTTP.
  beforeAll(async () => (stop = await fake.install()));
  afterAll(() => stop());
  beforeEach(async () => {
    deps = useMemoryDeps();
    await fake.use();
    fake.received.length = 0;
    vi.stubEnv('APP_ORIGINS', `${ORIGIN}, http://127.0.0.1:5173`);
    vi.stubEnv('STRIPE_PRICES', JSON.stringify(PRICES));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  it('creates a payment-mode session with the configured price, uid, metadata, URLs and locale', async () => {
    const res = await handleCreateCheckoutSession(
      fakeRequest(request(), 'buyer1', { token: { email: 'buyer1@example.com' } }),
    );
    expect(res).toEqual({ sessionId: 'cs_test_1', url: 'https://checkout.stripe.com/c/pay/cs_test_1' });

    const [customer, session] = fake.received;
    expect(customer?.path).toBe('/v1/customers');
    expect(customer?.form.get('email')).toBe('buyer1@example.com');
    expect(customer?.form.get('metadata[uid]')).toBe('buyer1');
    expect(session?.path).toBe('/v1/checkout/sessions');
    const form = Object.fromEntries(session!.form);
    expect(form).toMatchObject({
      mode: 'payment',
      'line_items[0][price]': 'price_starter_jpy',
      'line_items[0][quantity]': '1',
      customer: 'cus_test_1',
      client_reference_id: 'buyer1',
      'metadata[uid]': 'buyer1',
      'metadata[packId]': 'starter',
      'metadata[credits]': '50',
      // The refund handler recognises a charge of ours by its PaymentIntent's metadata.
      'payment_intent_data[metadata][uid]': 'buyer1',
      'payment_intent_data[metadata][packId]': 'starter',
      'payment_intent_data[metadata][credits]': '50',
      locale: 'ja',
      success_url: `${ORIGIN}/credits/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${ORIGIN}/credits/cancel`,
    });
    // No amount ever comes from the client or goes to Stripe outside the Price.
    expect(Object.keys(form).some((k) => k.includes('amount') || k.includes('price_data'))).toBe(false);

    const payment = (await deps.store.get(collections.payments.doc('cs_test_1'))).data;
    expect(payment).toMatchObject({
      uid: 'buyer1',
      packId: 'starter',
      credits: 50,
      amount: 500,
      currency: 'jpy',
      status: 'pending',
      granted: false,
      minimized: false,
    });
    // Kept 7 years (RETENTION.paymentYears) from now (2026-06-01), then removed by the TTL policy.
    expect(payment?.expireAt).toEqual(new Date('2033-06-01T00:00:00Z'));
    const stored = (await deps.store.get(collections.stripeCustomers.doc('buyer1'))).data;
    expect(stored?.customerId).toBe('cus_test_1');
  });

  it('reuses the stored Stripe customer on the second purchase', async () => {
    await handleCreateCheckoutSession(fakeRequest(request(), 'buyer2'));
    await handleCreateCheckoutSession(fakeRequest(request({ currency: 'usd', locale: 'en' }), 'buyer2'));
    expect(fake.received.map((r) => r.path)).toEqual([
      '/v1/customers',
      '/v1/checkout/sessions',
      '/v1/checkout/sessions',
    ]);
    const customer = fake.received[0]!.form;
    expect(customer.has('email')).toBe(false);
    const [first, second] = fake.received.slice(1).map((r) => r.form);
    expect(second?.get('customer')).toBe(first?.get('customer'));
    expect(second?.get('line_items[0][price]')).toBe('price_starter_usd');
    expect(second?.get('locale')).toBe('en');
  });

  it.each([
    ['an unknown pack', request({ packId: 'mega' }), 'unknown-pack'],
    ['a foreign return origin', request({ returnOrigin: 'https://evil.example' }), 'origin-not-allowed'],
    [
      'an origin that only starts like ours',
      request({ returnOrigin: `${ORIGIN}.evil.example` }),
      'origin-not-allowed',
    ],
    ['an origin with a path', request({ returnOrigin: `${ORIGIN}/credits` }), 'origin-not-allowed'],
  ])('%s → invalid-argument with reason, nothing sent to Stripe', async (_name, data, reason) => {
    await expect(handleCreateCheckoutSession(fakeRequest(data, 'buyer3'))).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { reason },
    });
    expect(fake.received).toEqual([]);
  });

  it('a currency the client may not send, or an amount field, → invalid-argument', async () => {
    for (const data of [request({ currency: 'eur' }), { ...request(), amount: 1 }]) {
      await expect(handleCreateCheckoutSession(fakeRequest(data, 'buyer3'))).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    }
    expect(fake.received).toEqual([]);
  });

  it('a pack without a configured price → failed-precondition naming the gap', async () => {
    await expect(
      handleCreateCheckoutSession(fakeRequest(request({ packId: 'creator', currency: 'usd' }), 'buyer4')),
    ).rejects.toMatchObject({
      code: 'failed-precondition',
      message: expect.stringContaining('USD'),
      details: { reason: 'price-not-configured' },
    });
    expect(fake.received).toEqual([]);
  });

  it('an account scheduled for deletion cannot buy: failed-precondition, nothing sent to Stripe', async () => {
    const now = deps.clock.now();
    await deps.store.batch([
      {
        kind: 'set',
        path: collections.users.doc('leaving'),
        data: {
          ...defaultUserDoc(now),
          deletionRequestedAt: now,
          purgeAfter: new Date(now.getTime() + 14 * 86_400_000),
        },
      },
    ]);
    const err = await handleCreateCheckoutSession(fakeRequest(request(), 'leaving')).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'failed-precondition',
      details: { reason: 'account-pending-deletion' },
    });
    expect(fake.received).toHaveLength(0);
  });

  it('signed out → unauthenticated', async () => {
    await expect(handleCreateCheckoutSession(fakeRequest(request()))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(fake.received).toEqual([]);
  });

  it('a Stripe failure → unavailable, and no pending payment is written', async () => {
    const first = await handleCreateCheckoutSession(fakeRequest(request(), 'buyer5'));
    fake.failOnce();
    await expect(handleCreateCheckoutSession(fakeRequest(request(), 'buyer5'))).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'payment-provider-unavailable' },
    });
    expect((await deps.store.query({ collection: collections.payments.in() })).map((r) => r.id)).toEqual([
      first.sessionId,
    ]);
  });
});
