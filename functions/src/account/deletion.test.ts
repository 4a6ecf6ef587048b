// Offline tier: the deletion/purge contract on the in-memory store (with transaction retries
// simulated, so non-idempotent transaction bodies would fail here).
import { MemoryStore } from '../lib/store/memory-store.js';
import { deletionContract } from '../../test/contracts/account.js';

deletionContract('MemoryStore', async () => {
  const store = new MemoryStore({ simulateRetries: true });
  return {
    store,
    dump: async () => (await store.getAll(store.paths())).map((s) => ({ path: s.path, data: s.data ?? {} })),
  };
});
