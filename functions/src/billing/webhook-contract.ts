/**
 * Contract for applying Stripe events to a store, run on the in-memory store (offline) and on
 * Firestore (emulator tier, where the refund's transactional query on `payments` is real).
 * Signature checks are the HTTP handler's job and are tested there; this is the data side.
 */
import { describe, expect, it } from 'vitest';
import { paths, type PaymentDoc, type UserDoc } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store } from '../lib/store/types.js';
import { applyCreditChange, ledgerIds, ledgerOf } from '../credits/ledger.js';
import { processStripeEvent } from './process-event.js';
import { nextId, refundEvent, sessionEvent } from './webhook-test-kit.js';

const now = new Date('2026-06-01T00:00:00Z');
const asEvent = (e: object) => e as unknown as Stripe.Event;

async function balance(store: Store, uid: string): Promise<number> {
  const user = (await store.get<UserDoc>(paths.user(uid))).data;
  const sum = (await ledgerOf(store, uid)).reduce((s, e) => s + e.delta, 0);
  expect(user?.credits ?? 0).toBe(sum);
  return sum;
}

export function webhookContract(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`Stripe events applied to: ${name}`, () => {
    const uid = () => `b${Math.random().toString(36).slice(2, 10)}`;

    it('one event applied 20 times concurrently grants once', async () => {
      const store = await makeStore();
      const u = uid();
      const event = asEvent(sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: u }));
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => processStripeEvent(store, event, now)),
      );
      expect(outcomes.filter((o) => o.effect === 'granted')).toHaveLength(1);
      expect(await balance(store, u)).toBe(50);
    });

    it('completed and async_payment_succeeded for one session, concurrently, grant once', async () => {
      const store = await makeStore();
      const u = uid();
      const s = { sessionId: nextId('cs'), uid: u, credits: 200 };
      await Promise.all([
        processStripeEvent(store, asEvent(sessionEvent('checkout.session.completed', s)), now),
        processStripeEvent(store, asEvent(sessionEvent('checkout.session.async_payment_succeeded', s)), now),
      ]);
      expect(await balance(store, u)).toBe(200);
      expect((await store.get<PaymentDoc>(paths.payment(s.sessionId))).data).toMatchObject({
        status: 'paid',
        granted: true,
      });
    });

    it.each([
      ['expiry first', ['checkout.session.expired', 'checkout.session.async_payment_succeeded']],
      ['payment first', ['checkout.session.async_payment_succeeded', 'checkout.session.expired']],
    ])('an expiry and a payment for one session, %s: paid once, never expired', async (_, types) => {
      const store = await makeStore();
      const u = uid();
      const s = { sessionId: nextId('cs'), uid: u, credits: 50 };
      for (const type of types) await processStripeEvent(store, asEvent(sessionEvent(type, s)), now);
      expect(await balance(store, u)).toBe(50);
      expect((await store.get<PaymentDoc>(paths.payment(s.sessionId))).data).toMatchObject({
        status: 'paid',
        granted: true,
      });
    });

    it('a payment record expires 7 years after the money moved (TTL on expireAt)', async () => {
      const store = await makeStore();
      const s = { sessionId: nextId('cs'), uid: uid(), credits: 50, paymentStatus: 'unpaid' as const };
      await processStripeEvent(store, asEvent(sessionEvent('checkout.session.completed', s)), now);
      const waiting = (await store.get<PaymentDoc>(paths.payment(s.sessionId))).data;
      expect(waiting).toMatchObject({ status: 'pending', expireAt: new Date('2033-06-01T00:00:00Z') });
      const paidAt = new Date('2026-06-09T12:00:00Z');
      await processStripeEvent(
        store,
        asEvent(sessionEvent('checkout.session.async_payment_succeeded', s)),
        paidAt,
      );
      const paid = (await store.get<PaymentDoc>(paths.payment(s.sessionId))).data;
      expect(paid).toMatchObject({ status: 'paid', expireAt: new Date('2033-06-09T12:00:00Z') });
    });

    it('50 distinct sessions for one account concurrently add up exactly', async () => {
      const store = await makeStore();
      const u = uid();
      await Promise.all(
        Array.from({ length: 50 }, () =>
          processStripeEvent(
            store,
            asEvent(
              sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: u, credits: 50 }),
            ),
            now,
          ),
        ),
      );
      expect(await balance(store, u)).toBe(2500);
    });

    it('a refund beyond the unspent credits stops at zero and flags the account', async () => {
      const store = await makeStore();
      const u = uid();
      const paymentIntent = nextId('pi');
      const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
      await processStripeEvent(store, asEvent(sessionEvent('checkout.session.completed', s)), now);
      await applyCreditChange(
        store,
        u,
        { entryId: ledgerIds.reservation('g1'), delta: -30, reason: 'generation', ref: 'g1' },
        now,
      );
      const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
      await Promise.all([processStripeEvent(store, refund, now), processStripeEvent(store, refund, now)]);
      expect(await balance(store, u)).toBe(0);
      const user = (await store.get<UserDoc>(paths.user(u))).data;
      expect(user?.flagged).toBe(true);
      expect((await ledgerOf(store, u)).filter((e) => e.reason === 'clawback').map((e) => e.delta)).toEqual([
        -20,
      ]);
    });
  });
}
