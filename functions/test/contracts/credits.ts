/**
 * Contract for the credit operations, run on the in-memory store (offline) and on Firestore
 * (emulator tier): exactness under concurrency, retries and replays.
 */
import { describe, expect, it } from 'vitest';
import { collections } from '@mimicit/shared';
import type { Store } from '../../src/lib/store/types.js';
import { OFFLINE_CONTENTION, sortOutcomes, type Contention } from '../../src/lib/store/contention.js';
import { applyCreditChange, grantSignupCredits, ledgerIds, ledgerOf } from '../../src/credits/ledger.js';

const now = new Date('2026-06-01T00:00:00Z');

async function balanceMatchesLedger(store: Store, uid: string): Promise<number> {
  const user = (await store.get(collections.users.doc(uid))).data;
  const sum = (await ledgerOf(store, uid)).reduce((s, e) => s + e.delta, 0);
  expect(user?.credits).toBe(sum);
  return sum;
}

const insufficient = (err: unknown) =>
  (err as { reason?: unknown } | null)?.reason === 'insufficient-credits';

/**
 * `contention`: how many concurrent calls hit one account, and whether one may end ABORTED
 * (see lib/store/contention.ts: big numbers offline, a few calls on the Firestore emulator).
 */
export function creditContract(
  name: string,
  makeStore: () => Promise<Store> | Store,
  contention: Contention = OFFLINE_CONTENTION,
): void {
  describe(`credit operations: ${name}`, () => {
    const uid = () => `u${Math.random().toString(36).slice(2, 10)}`;
    const calls = contention.calls;
    const credits = Math.max(1, Math.floor(calls / 4));

    it(`${calls} concurrent reservations against ${credits} credits: never more than ${credits}, never below 0`, async () => {
      const store = await makeStore();
      const u = uid();
      await applyCreditChange(
        store,
        u,
        { entryId: 'grant-test', delta: credits, reason: 'grant', ref: 'test' },
        now,
      );
      const results = await Promise.allSettled(
        Array.from({ length: calls }, (_, i) =>
          applyCreditChange(
            store,
            u,
            { entryId: ledgerIds.reservation(`g${i}`), delta: -1, reason: 'generation', ref: `g${i}` },
            now,
          ),
        ),
      );
      const { ok, refused, aborted } = sortOutcomes(results, contention, insufficient);
      const balance = await balanceMatchesLedger(store, u);
      expect(balance).toBe(credits - ok.length);
      expect(balance).toBeGreaterThanOrEqual(0);
      // Without aborted calls, every credit was spent and every other call refused.
      if (aborted === 0) expect([ok.length, refused.length]).toEqual([credits, calls - credits]);
    });

    it('refunding a reservation twice refunds once', async () => {
      const store = await makeStore();
      const u = uid();
      await applyCreditChange(
        store,
        u,
        { entryId: 'grant-test', delta: 10, reason: 'grant', ref: 'test' },
        now,
      );
      await applyCreditChange(
        store,
        u,
        { entryId: ledgerIds.reservation('g1'), delta: -4, reason: 'generation', ref: 'g1' },
        now,
      );
      const refund = { entryId: ledgerIds.refund('g1'), delta: 4, reason: 'refund' as const, ref: 'g1' };
      const results = await Promise.allSettled([
        applyCreditChange(store, u, refund, now),
        applyCreditChange(store, u, refund, now),
      ]);
      const { ok, aborted } = sortOutcomes(results, contention);
      const applied = ok.filter((r) => r.applied).length;
      expect(applied).toBeLessThanOrEqual(1);
      if (aborted === 0) expect(applied).toBe(1);
      // Asked again (a retried call): whatever happened above, refunded exactly once.
      await applyCreditChange(store, u, refund, now);
      expect(await balanceMatchesLedger(store, u)).toBe(10);
    });

    it('the signup grant happens exactly once, even when asked for concurrently', async () => {
      const store = await makeStore();
      const u = uid();
      const results = await Promise.allSettled(
        Array.from({ length: Math.min(10, calls) }, () => grantSignupCredits(store, u, 10, now)),
      );
      const { ok, aborted } = sortOutcomes(results, contention);
      const applied = ok.filter((r) => r.applied).length;
      expect(applied).toBeLessThanOrEqual(1);
      if (aborted === 0) expect(applied).toBe(1);
      await grantSignupCredits(store, u, 10, now);
      expect(await balanceMatchesLedger(store, u)).toBe(10);
      expect((await store.get(collections.users.doc(u))).data?.signupGranted).toBe(true);
    });

    it('spending below zero is refused and writes nothing', async () => {
      const store = await makeStore();
      const u = uid();
      await applyCreditChange(
        store,
        u,
        { entryId: 'grant-test', delta: 3, reason: 'grant', ref: 'test' },
        now,
      );
      await expect(
        applyCreditChange(
          store,
          u,
          { entryId: ledgerIds.reservation('big'), delta: -4, reason: 'generation', ref: 'big' },
          now,
        ),
      ).rejects.toMatchObject({ reason: 'insufficient-credits' });
      expect(await balanceMatchesLedger(store, u)).toBe(3);
      expect(await ledgerOf(store, u)).toHaveLength(1);
    });
  });
}
