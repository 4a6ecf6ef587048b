/**
 * Contract for applying Stripe events to a store, run on the in-memory store (offline) and on
 * Firestore (emulator tier, where the refund's transactional query on `payments` is real).
 * Signature checks are the HTTP handler's job and are tested there; this is the data side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections } from '@mimicit/shared';
import type { Stripe } from 'stripe';
import type { Store } from '../../src/lib/store/types.js';
import {
  OFFLINE_CONTENTION,
  retriedIfAborted,
  sortOutcomes,
  type Contention,
} from '../../src/lib/store/contention.js';
import { applyCreditChange, ledgerIds, ledgerOf } from '../../src/credits/ledger.js';
import { processStripeEvent } from '../../src/billing/process-event.js';
import { RetryLaterError } from '../../src/billing/event-record.js';
import { fakeStripeApi } from '../fakes/stripe-api.js';
import { nextId, refundEvent, sessionEvent } from '../kits/webhook.js';

const now = new Date('2026-06-01T00:00:00Z');
const asEvent = (e: object) => e as unknown as Stripe.Event;

async function balance(store: Store, uid: string): Promise<number> {
  const user = (await store.get(collections.users.doc(uid))).data;
  const sum = (await ledgerOf(store, uid)).reduce((s, e) => s + e.delta, 0);
  expect(user?.credits ?? 0).toBe(sum);
  return sum;
}

/**
 * `contention`: how many deliveries hit one account at once, and whether one may end ABORTED
 * (lib/store/contention.ts); aborted deliveries are redelivered, and the totals must be exact.
 */
export function webhookContract(
  name: string,
  makeStore: () => Promise<Store> | Store,
  contention: Contention = OFFLINE_CONTENTION,
): void {
  describe(`Stripe events applied to: ${name}`, () => {
    const uid = () => `b${Math.random().toString(36).slice(2, 10)}`;
    /** Deliveries of the same kind at once: 20 and 50 offline, a few on the emulator. */
    const burst = (n: number) => Math.min(n, contention.calls);
    /** One delivery; where ABORTED is tolerated, delivered again (as Stripe would) until applied. */
    const apply = (store: Store, event: Stripe.Event, at = now) =>
      retriedIfAborted(contention, () => processStripeEvent(store, event, at));
    /** Deliveries at once, each redelivered after an ABORTED; every one must end applied. */
    const deliverAll = async (store: Store, events: Stripe.Event[]) =>
      sortOutcomes(await Promise.allSettled(events.map((e) => apply(store, e))), contention).ok;
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

    it(`one event applied ${burst(20)} times concurrently grants once`, async () => {
      const store = await makeStore();
      const u = uid();
      const event = asEvent(sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: u }));
      const outcomes = await deliverAll(
        store,
        Array.from({ length: burst(20) }, () => event),
      );
      expect(outcomes.filter((o) => o.effect === 'granted')).toHaveLength(1);
      expect(await balance(store, u)).toBe(50);
    });

    it('completed and async_payment_succeeded for one session, concurrently, grant once', async () => {
      const store = await makeStore();
      const u = uid();
      const s = { sessionId: nextId('cs'), uid: u, credits: 200 };
      await deliverAll(store, [
        asEvent(sessionEvent('checkout.session.completed', s)),
        asEvent(sessionEvent('checkout.session.async_payment_succeeded', s)),
      ]);
      expect(await balance(store, u)).toBe(200);
      expect((await store.get(collections.payments.doc(s.sessionId))).data).toMatchObject({
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
      for (const type of types) await apply(store, asEvent(sessionEvent(type, s)));
      expect(await balance(store, u)).toBe(50);
      expect((await store.get(collections.payments.doc(s.sessionId))).data).toMatchObject({
        status: 'paid',
        granted: true,
      });
    });

    it('a payment record expires 7 years after the money moved (TTL on expireAt)', async () => {
      const store = await makeStore();
      const s = { sessionId: nextId('cs'), uid: uid(), credits: 50, paymentStatus: 'unpaid' as const };
      await apply(store, asEvent(sessionEvent('checkout.session.completed', s)));
      const waiting = (await store.get(collections.payments.doc(s.sessionId))).data;
      expect(waiting).toMatchObject({ status: 'pending', expireAt: new Date('2033-06-01T00:00:00Z') });
      const paidAt = new Date('2026-06-09T12:00:00Z');
      await apply(store, asEvent(sessionEvent('checkout.session.async_payment_succeeded', s)), paidAt);
      const paid = (await store.get(collections.payments.doc(s.sessionId))).data;
      expect(paid).toMatchObject({ status: 'paid', expireAt: new Date('2033-06-09T12:00:00Z') });
    });

    it(`${burst(50)} distinct sessions for one account concurrently add up exactly`, async () => {
      const store = await makeStore();
      const u = uid();
      const sessions = Array.from({ length: burst(50) }, () =>
        asEvent(sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: u, credits: 50 })),
      );
      await deliverAll(store, sessions);
      expect(await balance(store, u)).toBe(50 * sessions.length);
    });

    it('a refund beyond the unspent credits stops at zero and flags the account', async () => {
      const store = await makeStore();
      const u = uid();
      const paymentIntent = ourIntent(u);
      const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
      await apply(store, asEvent(sessionEvent('checkout.session.completed', s)));
      await retriedIfAborted(contention, () =>
        applyCreditChange(
          store,
          u,
          { entryId: ledgerIds.reservation('g1'), delta: -30, reason: 'generation', ref: 'g1' },
          now,
        ),
      );
      const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
      await deliverAll(store, [refund, refund]);
      expect(await balance(store, u)).toBe(0);
      const user = (await store.get(collections.users.doc(u))).data;
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

        await expect(apply(store, refund)).rejects.toEqual(retryLater('refund-before-payment-known'));
        expect((await store.get(collections.stripeEvents.doc(refund.id))).data).toBeUndefined();
        expect(await apply(store, paid)).toMatchObject({ effect: 'refunded-before-grant' });
        // Stripe's redelivery of the refund, then both events replayed.
        expect(await apply(store, refund)).toMatchObject({ effect: 'no-new-refund' });
        for (const e of [paid, refund, paid]) {
          expect(await apply(store, e)).toMatchObject({ effect: 'duplicate' });
        }
        expect(await balance(store, u)).toBe(0);
        expect(await ledgerOf(store, u)).toEqual([]);
        expect((await store.get(collections.payments.doc(s.sessionId))).data).toMatchObject({
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
        expect(await apply(store, paid)).toMatchObject({ effect: 'granted' });
        stripe.paymentIntents.get(paymentIntent)!.amountRefunded = 500;
        const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        expect(await apply(store, refund)).toMatchObject({ effect: 'clawed-back' });
        for (const e of [refund, paid, refund]) {
          expect(await apply(store, e)).toMatchObject({ effect: 'duplicate' });
        }
        expect(await balance(store, u)).toBe(0);
        expect((await store.get(collections.payments.doc(s.sessionId))).data).toMatchObject({
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
        await expect(apply(store, half)).rejects.toBeInstanceOf(RetryLaterError);
        const paid = asEvent(sessionEvent('checkout.session.completed', s));
        expect(await apply(store, paid)).toMatchObject({ effect: 'granted-less-refund' });
        expect(await balance(store, u)).toBe(25);
        expect(await apply(store, half)).toMatchObject({ effect: 'no-new-refund' });
        const rest = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        expect(await apply(store, rest)).toMatchObject({ effect: 'clawed-back' });
        expect(await balance(store, u)).toBe(0);
      });

      it('an asynchronous payment refunded before it was granted is refused until then', async () => {
        const store = await makeStore();
        const u = uid();
        const paymentIntent = ourIntent(u);
        const s = { sessionId: nextId('cs'), uid: u, credits: 50, amount: 500, paymentIntent };
        await apply(
          store,
          asEvent(sessionEvent('checkout.session.completed', { ...s, paymentStatus: 'unpaid' })),
        );
        stripe.paymentIntents.get(paymentIntent)!.amountRefunded = 500;
        const refund = asEvent(refundEvent({ paymentIntent, amount: 500, amountRefunded: 500 }));
        await expect(apply(store, refund)).rejects.toEqual(retryLater('refund-before-grant'));
        const settled = asEvent(sessionEvent('checkout.session.async_payment_succeeded', s));
        expect(await apply(store, settled)).toMatchObject({
          effect: 'refunded-before-grant',
        });
        expect(await apply(store, refund)).toMatchObject({ effect: 'no-new-refund' });
        expect(await balance(store, u)).toBe(0);
      });

      it('a refund of a charge that did not come from our Checkout is recorded and ignored', async () => {
        const store = await makeStore();
        const paymentIntent = nextId('pi');
        stripe.paymentIntents.set(paymentIntent, { metadata: {}, amount: 900, amountRefunded: 900 });
        const refund = asEvent(refundEvent({ paymentIntent, amount: 900, amountRefunded: 900 }));
        expect(await apply(store, refund)).toEqual({
          effect: 'unknown-payment',
          uid: null,
        });
        expect(await apply(store, refund)).toMatchObject({ effect: 'duplicate' });
      });
    });
  });
}
