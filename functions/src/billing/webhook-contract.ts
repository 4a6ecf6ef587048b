/**
 * Contract for applying Stripe events to a store, run on the in-memory store (offline) and on
 * Firestore (emulator tier, where the refund's transactional query on `payments` is real).
 * Signature checks are the HTTP handler's job and are tested there; this is the data side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths, type PaymentDoc, type UserDoc } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store } from '../lib/store/types.js';
import { applyCreditChange, ledgerIds, ledgerOf } from '../credits/ledger.js';
import { processStripeEvent } from './process-event.js';
import { RetryLaterError } from './event-record.js';
import { fakeStripeApi } from './testing/fake-stripe-api.js';
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
    // Stripe's API, where grants and refunds ask about a PaymentIntent (payment-facts.ts).
    const stripe = fakeStripeApi();
    let stop: () => Promise<void>;
    beforeAll(async () => (stop = await stripe.install()));
    afterAll(() => stop());

    /** A PaymentIntent of our Checkout for `u`'s starter pack, as Stripe holds it. */
    const ourIntent = (u: string, amount = 500, amountRefunded = 0) => {
      const id = nextId('pi');
      stripe.paymentIntents.set(id, {
        metadata: { uid: u, packId: 'starter', credits: '50' },
        amount,
        amountRefunded,
      });
      return id;
    };

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
      const paymentIntent = ourIntent(u);
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

    describe('a refund and its grant in either order', () => {
      const retryLater = (reason: string) => expect.objectContaining({ name: 'RetryLaterError', reason });

      it('refund first: refused until the payment is known, then the grant pays nothing; replays change nothing', async () => {
        const store = await makeStore();
        const u = uid();
        const paymentIntent = ourIntent(u, 500, 500); // refunded in the Dashboard right after paying
        const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
        const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        const paid = asEvent(sessionEvent('checkout.session.completed', s));

        await expect(processStripeEvent(store, refund, now)).rejects.toEqual(
          retryLater('refund-before-payment-known'),
        );
        expect((await store.get(paths.stripeEvent(refund.id))).data).toBeUndefined();
        expect(await processStripeEvent(store, paid, now)).toMatchObject({ effect: 'refunded-before-grant' });
        // Stripe's redelivery of the refund, then both events replayed.
        expect(await processStripeEvent(store, refund, now)).toMatchObject({ effect: 'no-new-refund' });
        for (const e of [paid, refund, paid]) {
          expect(await processStripeEvent(store, e, now)).toMatchObject({ effect: 'duplicate' });
        }
        expect(await balance(store, u)).toBe(0);
        expect(await ledgerOf(store, u)).toEqual([]);
        expect((await store.get<PaymentDoc>(paths.payment(s.sessionId))).data).toMatchObject({
          status: 'refunded',
          granted: true,
          amountRefunded: 500,
        });
      });

      it('grant first: the refund takes the credits back; replays change nothing', async () => {
        const store = await makeStore();
        const u = uid();
        const paymentIntent = ourIntent(u);
        const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
        const paid = asEvent(sessionEvent('checkout.session.completed', s));
        expect(await processStripeEvent(store, paid, now)).toMatchObject({ effect: 'granted' });
        stripe.paymentIntents.get(paymentIntent)!.amountRefunded = 500;
        const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        expect(await processStripeEvent(store, refund, now)).toMatchObject({ effect: 'clawed-back' });
        for (const e of [refund, paid, refund]) {
          expect(await processStripeEvent(store, e, now)).toMatchObject({ effect: 'duplicate' });
        }
        expect(await balance(store, u)).toBe(0);
        expect((await store.get<PaymentDoc>(paths.payment(s.sessionId))).data).toMatchObject({
          status: 'refunded',
          granted: true,
        });
      });

      it('a partial refund before the grant pays the rest; a later full refund takes exactly that back', async () => {
        const store = await makeStore();
        const u = uid();
        const paymentIntent = ourIntent(u, 500, 250);
        const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
        const half = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 250 }));
        await expect(processStripeEvent(store, half, now)).rejects.toBeInstanceOf(RetryLaterError);
        const paid = asEvent(sessionEvent('checkout.session.completed', s));
        expect(await processStripeEvent(store, paid, now)).toMatchObject({ effect: 'granted-less-refund' });
        expect(await balance(store, u)).toBe(25);
        expect(await processStripeEvent(store, half, now)).toMatchObject({ effect: 'no-new-refund' });
        const rest = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        expect(await processStripeEvent(store, rest, now)).toMatchObject({ effect: 'clawed-back' });
        expect(await balance(store, u)).toBe(0);
      });

      it('an asynchronous payment refunded before it was granted is refused until then', async () => {
        const store = await makeStore();
        const u = uid();
        const paymentIntent = ourIntent(u);
        const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
        await processStripeEvent(
          store,
          asEvent(sessionEvent('checkout.session.completed', { ...s, paymentStatus: 'unpaid' })),
          now,
        );
        stripe.paymentIntents.get(paymentIntent)!.amountRefunded = 500;
        const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        await expect(processStripeEvent(store, refund, now)).rejects.toEqual(
          retryLater('refund-before-grant'),
        );
        const settled = asEvent(sessionEvent('checkout.session.async_payment_succeeded', s));
        expect(await processStripeEvent(store, settled, now)).toMatchObject({
          effect: 'refunded-before-grant',
        });
        expect(await processStripeEvent(store, refund, now)).toMatchObject({ effect: 'no-new-refund' });
        expect(await balance(store, u)).toBe(0);
      });

      it('a refund of a charge that did not come from our Checkout is recorded and ignored', async () => {
        const store = await makeStore();
        const paymentIntent = nextId('pi');
        stripe.paymentIntents.set(paymentIntent, { metadata: {}, amount: 900, amountRefunded: 900 });
        const refund = asEvent(refundEvent({ paymentIntent, amount: 900, amountRefunded: 900 }));
        expect(await processStripeEvent(store, refund, now)).toEqual({
          effect: 'unknown-payment',
          uid: null,
        });
        expect(await processStripeEvent(store, refund, now)).toMatchObject({ effect: 'duplicate' });
      });
    });
  });
}
