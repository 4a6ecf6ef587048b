/**
 * The contract every {@link Store} implementation passes: run by `memory-store.test.ts`
 * (offline) and `firestore-store.emu.test.ts` (emulator tier) with the same cases.
 */
import { describe, expect, it } from 'vitest';
import { StoreConflictError, type Store } from '../../src/lib/store/types.js';
import { OFFLINE_CONTENTION, sortOutcomes, type Contention } from '../../src/lib/store/contention.js';

/** `contention`: concurrent transactions on one document, and whether ABORTED may end one. */
export function storeContract(
  name: string,
  makeStore: () => Promise<Store> | Store,
  contention: Contention = OFFLINE_CONTENTION,
): void {
  describe(`Store contract: ${name}`, () => {
    const root = () => `contract${Math.random().toString(36).slice(2, 10)}`;

    it('reads back what was written, with Dates and nested maps intact', async () => {
      const store = await makeStore();
      const p = `${root()}/a`;
      const when = new Date('2026-01-02T03:04:05.678Z');
      await store.batch([
        {
          kind: 'set',
          path: p,
          data: { n: 1, s: 'x', when, nested: { ok: true }, list: [1, 2], gone: undefined },
        },
      ]);
      const snap = await store.get(p);
      expect(snap.id).toBe('a');
      expect(snap.data).toEqual({ n: 1, s: 'x', when, nested: { ok: true }, list: [1, 2] });
      expect(snap.data?.when).toBeInstanceOf(Date);
      expect((await store.get(`${root()}/missing`)).data).toBeUndefined();
    });

    it('update replaces top-level fields and keeps the others; fails on a missing doc', async () => {
      const store = await makeStore();
      const p = `${root()}/u`;
      await store.batch([{ kind: 'set', path: p, data: { a: 1, b: { c: 1, d: 2 } } }]);
      await store.batch([{ kind: 'update', path: p, data: { b: { c: 3 } } }]);
      expect((await store.get(p)).data).toEqual({ a: 1, b: { c: 3 } });
      await expect(
        store.batch([{ kind: 'update', path: `${root()}/nope`, data: { a: 1 } }]),
      ).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('create fails when the document exists and the whole batch writes nothing', async () => {
      const store = await makeStore();
      const r = root();
      await store.batch([{ kind: 'create', path: `${r}/x`, data: { v: 1 } }]);
      await expect(
        store.batch([
          { kind: 'set', path: `${r}/y`, data: { v: 2 } },
          { kind: 'create', path: `${r}/x`, data: { v: 3 } },
        ]),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.get(`${r}/x`)).data).toEqual({ v: 1 });
      expect((await store.get(`${r}/y`)).data).toBeUndefined();
    });

    it('queries filter, order (then by path), limit and page with startAfter', async () => {
      const store = await makeStore();
      const col = `${root()}/u1/items`;
      const base = Date.parse('2026-03-01T00:00:00Z');
      await store.batch(
        Array.from({ length: 7 }, (_, i) => ({
          kind: 'set' as const,
          path: `${col}/i${i}`,
          data: { at: new Date(base + i * 1000), fav: i % 2 === 0, tags: [`t${i % 3}`], n: i },
        })),
      );
      const newest = await store.query({ collection: col, orderBy: [['at', 'desc']], limit: 3 });
      expect(newest.map((s) => s.id)).toEqual(['i6', 'i5', 'i4']);
      const next = await store.query({
        collection: col,
        orderBy: [['at', 'desc']],
        limit: 3,
        startAfter: [newest.at(-1)?.data?.at],
      });
      expect(next.map((s) => s.id)).toEqual(['i3', 'i2', 'i1']);
      const favs = await store.query({
        collection: col,
        where: [['fav', '==', true]],
        orderBy: [['at', 'desc']],
      });
      expect(favs.map((s) => s.id)).toEqual(['i6', 'i4', 'i2', 'i0']);
      const range = await store.query({
        collection: col,
        where: [
          ['n', '>=', 2],
          ['n', '<', 4],
        ],
        orderBy: [['n', 'asc']],
      });
      expect(range.map((s) => s.id)).toEqual(['i2', 'i3']);
      const tagged = await store.query({
        collection: col,
        where: [['tags', 'array-contains', 't1']],
        orderBy: [['n', 'asc']],
      });
      expect(tagged.map((s) => s.id)).toEqual(['i1', 'i4']);
      const within = await store.query({
        collection: col,
        where: [['n', 'in', [0, 5]]],
        orderBy: [['n', 'asc']],
      });
      expect(within.map((s) => s.id)).toEqual(['i0', 'i5']);
      const before = await store.query({
        collection: col,
        where: [['at', '<', new Date(base + 2000)]],
        orderBy: [['at', 'asc']],
      });
      expect(before.map((s) => s.id)).toEqual(['i0', 'i1']);
    });

    it('collection-group queries see every parent', async () => {
      const store = await makeStore();
      const group = `grp${Math.random().toString(36).slice(2, 8)}`;
      const r = root();
      await store.batch([
        { kind: 'set', path: `${r}/a/${group}/1`, data: { status: 'pending' } },
        { kind: 'set', path: `${r}/b/${group}/2`, data: { status: 'pending' } },
        { kind: 'set', path: `${r}/b/${group}/3`, data: { status: 'done' } },
      ]);
      const rows = await store.query({
        collection: group,
        group: true,
        where: [['status', '==', 'pending']],
      });
      expect(rows.map((s) => s.path).sort()).toEqual([`${r}/a/${group}/1`, `${r}/b/${group}/2`]);
    });

    it('transactions are atomic and isolated under concurrency', async () => {
      const store = await makeStore();
      const p = `${root()}/counter`;
      await store.batch([{ kind: 'set', path: p, data: { n: 0 } }]);
      const calls = Math.min(25, contention.calls);
      const results = await Promise.allSettled(
        Array.from({ length: calls }, () =>
          store.runTransaction(async (tx) => {
            const snap = await tx.get(p);
            tx.update(p, { n: Number(snap.data?.n ?? 0) + 1 });
          }),
        ),
      );
      // Every committed increment counted once, none lost, none doubled.
      const { ok, aborted } = sortOutcomes(results, contention);
      expect((await store.get(p)).data).toEqual({ n: ok.length });
      expect(ok.length + aborted).toBe(calls);
    });

    it('a transaction that throws writes nothing', async () => {
      const store = await makeStore();
      const p = `${root()}/t`;
      await expect(
        store.runTransaction(async (tx) => {
          await tx.get(p);
          tx.set(p, { v: 1 });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.get(p)).data).toBeUndefined();
    });

    it('a create inside a transaction fails on an existing doc', async () => {
      const store = await makeStore();
      const p = `${root()}/c`;
      await store.batch([{ kind: 'set', path: p, data: { v: 1 } }]);
      await expect(
        store.runTransaction(async (tx) => {
          tx.create(p, { v: 2 });
        }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.get(p)).data).toEqual({ v: 1 });
    });

    it('bulkWrite applies more than a batch holds, each write on its own', async () => {
      const store = await makeStore();
      const col = `${root()}/u1/many`;
      const ops = Array.from({ length: 520 }, (_, i) => ({
        kind: 'set' as const,
        path: `${col}/d${i}`,
        data: { n: i, tags: [`t${i}`] },
      }));
      await store.bulkWrite(ops);
      expect(await store.query({ collection: col })).toHaveLength(520);
      // A failing write (update on a missing document) does not stop the others.
      await expect(
        store.bulkWrite([
          { kind: 'update', path: `${col}/missing`, data: { n: -1 } },
          ...ops.map((op) => ({ kind: 'delete' as const, path: op.path })),
        ]),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.query({ collection: col })).toHaveLength(0);
      expect((await store.get(`${col}/missing`)).data).toBeUndefined();
      await expect(store.bulkWrite([])).resolves.toBeUndefined();
    });

    it('deleteRecursive removes a document and all its subcollections, nothing else', async () => {
      const store = await makeStore();
      const r = root();
      await store.batch([
        { kind: 'set', path: `${r}/u1`, data: { v: 1 } },
        { kind: 'set', path: `${r}/u1/generations/g1`, data: { v: 1 } },
        { kind: 'set', path: `${r}/u1/ledger/l1`, data: { v: 1 } },
        { kind: 'set', path: `${r}/u12`, data: { v: 1 } },
        { kind: 'set', path: `${r}/u2/generations/g1`, data: { v: 1 } },
      ]);
      expect(await store.deleteRecursive(`${r}/u1`)).toBe(3);
      expect((await store.get(`${r}/u1`)).data).toBeUndefined();
      expect((await store.get(`${r}/u1/ledger/l1`)).data).toBeUndefined();
      expect((await store.get(`${r}/u12`)).data).toEqual({ v: 1 });
      expect((await store.get(`${r}/u2/generations/g1`)).data).toEqual({ v: 1 });
    });
  });
}
