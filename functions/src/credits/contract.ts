/**
 * Contract for the credit operations, run on the in-memory store (offline) and on Firestore
 * (emulator tier): exactness under concurrency, retries and replays.
 */
import { describe, expect, it } from 'vitest';
import { paths, type UserDoc } from '@mimicit/shared';
import type { Store } from '../lib/store/types.js';
import { applyCreditChange, grantSignupCredits, ledgerIds, ledgerOf } from './ledger.js';

const now = new Date('2026-06-01T00:00:00Z');

async function balanceMatchesLedger(store: Store, uid: string): Promise<number> {
  const user = (await store.get<UserDoc>(paths.user(uid))).data;
  const sum = (await ledgerOf(store, uid)).reduce((s, e) => s + e.delta, 0);
  expect(user?.credits).toBe(sum);
  return sum;
}

export function creditContract(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`credit operations: ${name}`, () => {
    const uid = () => `u${Math.random().toString(36).slice(2, 10)}`;

    it('200 concurrent reservations against 50 credits: exactly 50 succeed, balance 0', async () => {
      const store = await makeStore();
      const u = uid();
      await applyCreditChange(
        store,
        u,
        { entryId: 'grant-test', delta: 50, reason: 'grant', ref: 'test' },
        now,
      );
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) =>
          applyCreditChange(
            store,
            u,
            { entryId: ledgerIds.reservation(`g${i}`), delta: -1, reason: 'generation', ref: `g${i}` },
            now,
          ),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(ok).toHaveLength(50);
      expect(refused).toHaveLength(150);
      for (const r of refused) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({
          code: 'failed-precondition',
          reason: 'insufficient-credits',
        });
      }
      expect(await balanceMatchesLedger(store, u)).toBe(0);
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
      const [a, b] = await Promise.all([
        applyCreditChange(store, u, refund, now),
        applyCreditChange(store, u, refund, now),
      ]);
      expect([a.applied, b.applied].sort()).toEqual([false, true]);
      expect(await balanceMatchesLedger(store, u)).toBe(10);
    });

    it('the signup grant happens exactly once, even when asked for concurrently', async () => {
      const store = await makeStore();
      const u = uid();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => grantSignupCredits(store, u, 10, now)),
      );
      expect(results.filter((r) => r.applied)).toHaveLength(1);
      expect(await balanceMatchesLedger(store, u)).toBe(10);
      expect((await store.get<UserDoc>(paths.user(u))).data?.signupGranted).toBe(true);
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
