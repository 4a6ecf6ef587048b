import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collections, purchaseLedgerEntryId, type PaymentDoc } from '@mimicit/shared';
import { resetDeps } from '../lib/deps.js';
import { useMemoryDeps } from '../../test/kits/handlers.js';
import { ledgerOf } from '../credits/ledger.js';
import { paymentExpireAt } from './payment-retention.js';
import {
  WEBHOOK_SECRET,
  balanceMatchesLedger,
  deliver,
  nextId,
  sessionEvent,
} from '../../test/kits/webhook.js';

const payment = async (store: ReturnType<typeof useMemoryDeps>['store'], sessionId: string) =>
  (await store.get(collections.payments.doc(sessionId))).data;

/** The pending starter-pack record createCheckoutSession writes before Checkout. */
async function seedPendingPayment(deps: ReturnType<typeof useMemoryDeps>, sessionId: string, uid: string) {
  const now = deps.clock.now();
  const record: PaymentDoc = {
    uid,
    minimized: false,
    packId: 'starter',
    credits: 50,
    amount: 500,
    currency: 'jpy',
    status: 'pending',
    granted: false,
    createdAt: now,
    updatedAt: now,
    expireAt: paymentExpireAt(now),
  };
  await deps.store.batch([{ kind: 'set', path: collections.payments.doc(sessionId), data: { ...record } }]);
}

describe('stripeWebhook: grants', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(() => {
    deps = useMemoryDeps({ simulateRetries: true });
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', WEBHOOK_SECRET);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    resetDeps();
  });

  it('the same event delivered 20 times (concurrently) grants once', async () => {
    const event = sessionEvent('checkout.session.completed', {
      sessionId: nextId('cs'),
      uid: 'u1',
      credits: 50,
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => (r.body as { effect: string }).effect === 'granted')).toHaveLength(1);
    expect(results.filter((r) => (r.body as { effect: string }).effect === 'duplicate')).toHaveLength(19);
    expect(await balanceMatchesLedger(deps.store, 'u1')).toBe(50);
    expect(await ledgerOf(deps.store, 'u1')).toHaveLength(1);
    const marker = (await deps.store.get(collections.stripeEvents.doc(event.id))).data;
    expect(marker?.type).toBe('checkout.session.completed');
    // Remembered for 30 days, then removed by the TTL policy.
    expect(marker!.expireAt.getTime() - marker!.processedAt.getTime()).toBe(30 * 86_400_000);
  });

  it('completed then async_payment_succeeded for one session grants once', async () => {
    const s = { sessionId: nextId('cs'), uid: 'u2', credits: 200, amount: 1800 };
    expect((await deliver(sessionEvent('checkout.session.completed', s))).status).toBe(200);
    expect((await deliver(sessionEvent('checkout.session.async_payment_succeeded', s))).status).toBe(200);
    expect(await balanceMatchesLedger(deps.store, 'u2')).toBe(200);
    expect(await payment(deps.store, s.sessionId)).toMatchObject({
      uid: 'u2',
      status: 'paid',
      granted: true,
      credits: 200,
      amount: 1800,
      currency: 'jpy',
    });
    // The document the web success page watches.
    const entry = await deps.store.get(collections.ledger.doc('u2', purchaseLedgerEntryId(s.sessionId)));
    expect(entry.data).toMatchObject({ delta: 200, reason: 'purchase', ref: s.sessionId, balanceAfter: 200 });
  });

  it('100 distinct paid sessions delivered concurrently add up exactly', async () => {
    const events = Array.from({ length: 100 }, (_, i) =>
      sessionEvent('checkout.session.completed', {
        sessionId: nextId('cs'),
        uid: 'u3',
        credits: i % 2 ? 50 : 200,
      }),
    );
    const results = await Promise.all(events.map((e) => deliver(e)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await balanceMatchesLedger(deps.store, 'u3')).toBe(50 * 50 + 50 * 200);
    expect(await ledgerOf(deps.store, 'u3')).toHaveLength(100);
  });

  it('an unpaid completion waits for async_payment_succeeded; a failure is recorded without credits', async () => {
    const s = { sessionId: nextId('cs'), uid: 'u4', credits: 50, paymentStatus: 'unpaid' as const };
    expect((await deliver(sessionEvent('checkout.session.completed', s))).status).toBe(200);
    expect(await balanceMatchesLedger(deps.store, 'u4')).toBe(0);
    expect(await payment(deps.store, s.sessionId)).toMatchObject({ status: 'pending', granted: false });
    await deliver(sessionEvent('checkout.session.async_payment_succeeded', s));
    expect(await balanceMatchesLedger(deps.store, 'u4')).toBe(50);
    expect(await payment(deps.store, s.sessionId)).toMatchObject({ status: 'paid', granted: true });

    const failed = { sessionId: nextId('cs'), uid: 'u4', credits: 50, paymentStatus: 'unpaid' as const };
    await deliver(sessionEvent('checkout.session.completed', failed));
    await deliver(sessionEvent('checkout.session.async_payment_failed', failed));
    expect(await payment(deps.store, failed.sessionId)).toMatchObject({ status: 'failed', granted: false });
    expect(await balanceMatchesLedger(deps.store, 'u4')).toBe(50);
  });

  it('an abandoned checkout expires without credits; expiry never touches a settled payment', async () => {
    const sessionId = nextId('cs');
    await seedPendingPayment(deps, sessionId, 'u7');
    const abandoned = { sessionId, uid: 'u7', credits: 50, paymentStatus: 'unpaid' as const };
    const res = await deliver(sessionEvent('checkout.session.expired', abandoned));
    expect(res).toMatchObject({ status: 200, body: { effect: 'expired' } });
    expect(await payment(deps.store, sessionId)).toMatchObject({ status: 'expired', granted: false });
    expect(await balanceMatchesLedger(deps.store, 'u7')).toBe(0);

    const paid = { sessionId: nextId('cs'), uid: 'u7', credits: 50 };
    await deliver(sessionEvent('checkout.session.completed', paid));
    const late = await deliver(sessionEvent('checkout.session.expired', paid));
    expect(late).toMatchObject({ status: 200, body: { effect: 'unchanged' } });
    expect(await payment(deps.store, paid.sessionId)).toMatchObject({ status: 'paid', granted: true });
    expect(await balanceMatchesLedger(deps.store, 'u7')).toBe(50);
  });

  it('grants the credits recorded at checkout, not a tampered metadata count', async () => {
    const sessionId = nextId('cs');
    await seedPendingPayment(deps, sessionId, 'u5');
    await deliver(sessionEvent('checkout.session.completed', { sessionId, uid: 'u5', credits: 9999 }));
    expect(await balanceMatchesLedger(deps.store, 'u5')).toBe(50);
  });

  it('a processing failure answers 500, and the retry grants once', async () => {
    const event = sessionEvent('checkout.session.completed', {
      sessionId: nextId('cs'),
      uid: 'u6',
      credits: 50,
    });
    vi.spyOn(deps.store, 'runTransaction').mockRejectedValueOnce(new Error('deadline exceeded'));
    const first = await deliver(event);
    expect(first.status).toBe(500);
    expect(await balanceMatchesLedger(deps.store, 'u6')).toBe(0);
    expect((await deps.store.get(collections.stripeEvents.doc(event.id))).data).toBeUndefined();
    const retries = await Promise.all([deliver(event), deliver(event)]);
    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    expect(await balanceMatchesLedger(deps.store, 'u6')).toBe(50);
  });

  it('writes an access-log entry naming the session owner, never the payload', async () => {
    await deliver(sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: 'u7' }));
    const logs = await deps.store.query({ collection: collections.accessLogs.in() });
    expect(logs).toHaveLength(1);
    expect(logs[0]?.data).toMatchObject({
      uid: 'u7',
      operation: 'stripeWebhook',
      ip: '198.51.100.20',
      userAgent: 'Stripe/1.0',
    });
    expect(Object.keys(logs[0]!.data!).sort()).toEqual(
      ['at', 'expireAt', 'extensionVersion', 'ip', 'operation', 'uid', 'userAgent'].sort(),
    );
  });
});
