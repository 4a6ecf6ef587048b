import { MemoryStore } from '../lib/store/memory-store.js';
import { EMULATOR_CONTENTION } from '../lib/store/contention.js';
import { creditContract } from '../../test/contracts/credits.js';

creditContract('in-memory store', () => new MemoryStore());
creditContract(
  'in-memory store with simulated transaction retries',
  () => new MemoryStore({ simulateRetries: true }),
);
// The emulator tier's profile (few calls, ABORTED tolerated) on a store that aborts every third
// transaction: its assertions run here, where the emulator cannot.
creditContract(
  'in-memory store, every third transaction ABORTED',
  () => new MemoryStore({ abortEvery: 3 }),
  EMULATOR_CONTENTION,
);
