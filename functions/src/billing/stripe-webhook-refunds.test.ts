import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { collections } from '@mimicit/shared';
import { resetDeps } from '../lib/deps.js';
import { useMemoryDeps } from '../../test/kits/handlers.js';
import { applyCreditChange, ledgerIds, ledgerOf } from '../credits/ledger.js';
import { refundTarget } from './payment-facts.js';
import { fakeStripeApi } from '../../test/fakes/stripe-api.js';
import {
  WEBHOOK_SECRET,
  balanceMatchesLedger,
  deliver,
  nextId,
  refundEvent,
  sessionEvent,
} from '../../test/kits/webhook.js';

describe('stripeWebhook: refunds', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  const stripe = fakeStripeApi();
  let stop: () => Promise<void>;
  beforeAll(async () => (stop = await stripe.install()));
  afterAll(() => stop());
  beforeEach(async () => {
    deps = useMemoryDeps({ simulateRetries: true });
    await stripe.use();
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', WEBHOOK_SECRET);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  /** A paid 200-credit purchase (¥1,800) for `uid`, then `spent` credits used on a generation. */
  async function purchase(uid: string, spent: number) {
    const paymentIntent = nextId('pi');
    stripe.paymentIntents.set(paymentIntent, {
      metadata: { uid, packId: 'creator', credits: '200' },
      amount: 1800,
      amountRefunded: 0,
    });
    const sessionId = nextId('cs');
    await deliver(
      sessionEvent('checkout.session.completed', {
        sessionId,
        uid,
        credits: 200,
        amount: 1800,
        paymentIntent,
      }),
    );
    if (spent > 0) {
      await applyCreditChange(
        deps.store,
        uid,
        { entryId: ledgerIds.reservation('g1'), delta: -spent, reason: 'generation', ref: 'g1' },
        deps.clock.now(),
      );
    }
    return { paymentIntent, sessionId };
  }

  const user = async (uid: string) => (await deps.store.get(collections.users.doc(uid))).data;

  it('a full refund larger than the unspent credits empties the balance (not below 0) and flags', async () => {
    const { paymentIntent, sessionId } = await purchase('r1', 150);
    expect(await balanceMatchesLedger(deps.store, 'r1')).toBe(50);
    const refund = refundEvent({ paymentIntent, amount: 1800, amountRefunded: 1800 });
    expect((await deliver(refund)).status).toBe(200);
    expect(await balanceMatchesLedger(deps.store, 'r1')).toBe(0);
    expect(await user('r1')).toMatchObject({ flagged: true });
    expect((await user('r1'))?.flagReason).toContain(sessionId);
    const clawbacks = (await ledgerOf(deps.store, 'r1')).filter((e) => e.reason === 'clawback');
    expect(clawbacks.map((e) => e.delta)).toEqual([-50]);
    expect((await deps.store.get(collections.payments.doc(sessionId))).data).toMatchObject({
      status: 'refunded',
      amountRefunded: 1800,
    });
    // The same refund replayed, and a later event with the same running total, take nothing more.
    await deliver(refund);
    await deliver(refundEvent({ paymentIntent, amount: 1800, amountRefunded: 1800 }));
    expect(await ledgerOf(deps.store, 'r1')).toHaveLength(3);
  });

  it('a refund with zero unspent credits still flags, writing no empty ledger entry', async () => {
    const { paymentIntent } = await purchase('r2', 200);
    await deliver(refundEvent({ paymentIntent, amount: 1800, amountRefunded: 1800 }));
    expect(await balanceMatchesLedger(deps.store, 'r2')).toBe(0);
    expect(await user('r2')).toMatchObject({ flagged: true });
    expect((await ledgerOf(deps.store, 'r2')).map((e) => e.reason).sort()).toEqual([
      'generation',
      'purchase',
    ]);
  });

  it('partial refunds take the refunded share of unspent credits, adding up to the pack on full refund', async () => {
    const { paymentIntent, sessionId } = await purchase('r3', 0);
    await deliver(refundEvent({ paymentIntent, amount: 1800, amountRefunded: 450 }));
    expect(await balanceMatchesLedger(deps.store, 'r3')).toBe(150);
    expect((await deps.store.get(collections.payments.doc(sessionId))).data?.status).toBe(
      'partially_refunded',
    );
    await deliver(refundEvent({ paymentIntent, amount: 1800, amountRefunded: 1800 }));
    expect(await balanceMatchesLedger(deps.store, 'r3')).toBe(0);
    expect((await user('r3'))?.flagged).toBeUndefined();
  });

  it('a refund that arrives before its grant answers 503 until the grant, which then pays nothing', async () => {
    const paymentIntent = nextId('pi');
    const sessionId = nextId('cs');
    stripe.paymentIntents.set(paymentIntent, {
      metadata: { uid: 'r4', packId: 'creator', credits: '200' },
      amount: 1800,
      amountRefunded: 1800,
    });
    const refund = refundEvent({ paymentIntent, amount: 1800, amountRefunded: 1800 });
    const paid = sessionEvent('checkout.session.completed', {
      sessionId,
      uid: 'r4',
      credits: 200,
      amount: 1800,
      paymentIntent,
    });
    expect(await deliver(refund)).toEqual({
      status: 503,
      body: { error: 'retry-later', reason: 'refund-before-payment-known' },
    });
    expect(await deliver(paid)).toMatchObject({ status: 200, body: { effect: 'refunded-before-grant' } });
    expect(await deliver(refund)).toMatchObject({ status: 200, body: { effect: 'no-new-refund' } });
    expect(await balanceMatchesLedger(deps.store, 'r4')).toBe(0);
    expect(await ledgerOf(deps.store, 'r4')).toEqual([]);
  });

  it('when Stripe cannot be asked about an unknown charge, the refund answers 500 and is retried', async () => {
    stripe.failOnce();
    const res = await deliver(refundEvent({ paymentIntent: nextId('pi'), amount: 100, amountRefunded: 100 }));
    expect(res).toEqual({ status: 500, body: { error: 'processing-failed' } });
    expect(deps.store.paths().filter((p) => p.startsWith('stripeEvents/'))).toEqual([]);
  });

  it('a refund of a charge that is not a credit purchase changes nothing', async () => {
    stripe.paymentIntents.set('pi_unknown', { metadata: {}, amount: 100, amountRefunded: 100 });
    const res = await deliver(refundEvent({ paymentIntent: 'pi_unknown', amount: 100, amountRefunded: 100 }));
    expect(res).toMatchObject({ status: 200, body: { effect: 'unknown-payment' } });
    expect(
      deps.store.paths().filter((p) => !p.startsWith('accessLogs/') && !p.startsWith('stripeEvents/')),
    ).toEqual([]);
  });

  it('refundTarget rounds each running total so split refunds sum to the full pack', () => {
    const steps = [0, 333, 999, 1001, 1800];
    let taken = 0;
    for (let i = 1; i < steps.length; i++) {
      taken += refundTarget(200, steps[i]!, 1800) - refundTarget(200, steps[i - 1]!, 1800);
    }
    expect(taken).toBe(200);
    expect(refundTarget(50, 10, 0)).toBe(0);
  });
});

describe('stripeWebhook: refused and ignored deliveries', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(() => {
    deps = useMemoryDeps();
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', WEBHOOK_SECRET);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  /** Everything the store holds except access logs: must stay empty for refused deliveries. */
  const changed = () => deps.store.paths().filter((p) => !p.startsWith('accessLogs/'));
  const paid = () =>
    sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: 'x1', credits: 50 });

  it.each([
    ['a tampered body', { tamper: (b: string) => b.replace('"credits":"50"', '"credits":"5000"') }],
    ['the wrong secret', { secret: 'whsec_someone_else' }],
    ['a stale timestamp (10 minutes old, tolerance 5)', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ['no signature header', { signature: null }],
    ['a garbage signature header', { signature: 't=1,v1=deadbeef' }],
  ])('%s → 400 and no change', async (_name, opts) => {
    const res = await deliver(paid(), opts);
    expect(res.status).toBe(400);
    expect(changed()).toEqual([]);
    expect(await balanceMatchesLedger(deps.store, 'x1')).toBe(0);
  });

  it('an unknown event type → 200 and no change', async () => {
    const event = { ...paid(), type: 'customer.created' };
    const res = await deliver(event);
    expect(res).toMatchObject({ status: 200, body: { effect: 'ignored' } });
    expect(changed()).toEqual([]);
  });

  it('only POST is accepted', async () => {
    expect((await deliver(paid(), { method: 'GET' })).status).toBe(405);
    expect(changed()).toEqual([]);
  });

  it('without a bound webhook secret answers 500 so Stripe keeps the event', async () => {
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', '');
    expect((await deliver(paid())).status).toBe(500);
    expect(changed()).toEqual([]);
  });
});
