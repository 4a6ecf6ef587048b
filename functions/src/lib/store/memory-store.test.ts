import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.js';
import { storeContract } from '../../../test/contracts/store.js';

storeContract('MemoryStore', () => new MemoryStore());
storeContract('MemoryStore (simulated retries)', () => new MemoryStore({ simulateRetries: true }));

describe('MemoryStore specifics', () => {
  it('refuses a read after a write inside a transaction, as Firestore does', async () => {
    const store = new MemoryStore();
    await expect(
      store.runTransaction(async (tx) => {
        tx.set('a/b', { v: 1 });
        await tx.get('a/c');
      }),
    ).rejects.toThrow(/reads before any write/);
  });

  it('commit-landed mode: the first commit lands, then the body runs again on the new state', async () => {
    const store = new MemoryStore({ simulateRetries: 'commit-landed' });
    await store.batch([{ kind: 'set', path: 'c/n', data: { n: 0 } }]);
    // A body that does not recognise its own landed commit applies twice…
    await store.runTransaction(async (tx) => {
      const n = Number((await tx.get('c/n')).data!.n);
      tx.update('c/n', { n: n + 1 });
    });
    expect((await store.get('c/n')).data).toEqual({ n: 2 });
    // …one that marks its commit with its own id sees it on the rerun and stops.
    const attempt = 'attempt-1';
    const outcome = await store.runTransaction(async (tx) => {
      const doc = (await tx.get('c/n')).data!;
      if (doc.by === attempt) return 'mine, landed';
      tx.update('c/n', { n: Number(doc.n) + 1, by: attempt });
      return 'written';
    });
    expect(outcome).toBe('mine, landed');
    expect((await store.get('c/n')).data).toEqual({ n: 3, by: attempt });
  });

  it('refuses a commit touching too many index entries, as Firestore does ("Transaction too big")', async () => {
    const store = new MemoryStore({ maxCommitIndexEntries: 1000 });
    const heavy = (i: number) => ({
      kind: 'set' as const,
      path: `h/d${i}`,
      data: { tokens: Array.from({ length: 50 }, (_, t) => `w${t}`), n: i },
    });
    await store.batch(Array.from({ length: 15 }, (_, i) => heavy(i)));
    const deletes = Array.from({ length: 30 }, (_, i) => ({ kind: 'delete' as const, path: `h/d${i}` }));
    await store.batch(Array.from({ length: 15 }, (_, i) => heavy(i + 15)));
    await expect(store.batch(deletes)).rejects.toMatchObject({ code: 3, message: /Transaction too big/ });
    await expect(
      store.runTransaction(async (tx) => deletes.forEach((d) => tx.delete(d.path))),
    ).rejects.toMatchObject({
      code: 3,
    });
    expect(store.paths()).toHaveLength(30);
    // Written one by one, the same deletes go through.
    await store.bulkWrite(deletes);
    expect(store.paths()).toEqual([]);
  });

  it('counts reads and writes for the cost benchmarks', async () => {
    const store = new MemoryStore();
    await store.batch([{ kind: 'set', path: 'a/b', data: { v: 1 } }]);
    await store.get('a/b');
    expect(store.stats).toEqual({ reads: 1, writes: 1 });
  });
});
