import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.js';
import { storeContract } from './contract.js';

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

  it('counts reads and writes for the cost benchmarks', async () => {
    const store = new MemoryStore();
    await store.batch([{ kind: 'set', path: 'a/b', data: { v: 1 } }]);
    await store.get('a/b');
    expect(store.stats).toEqual({ reads: 1, writes: 1 });
  });
});
