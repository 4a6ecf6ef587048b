import { MemoryStore } from '../lib/store/memory-store.js';
import { EMULATOR_CONTENTION } from '../lib/store/contention.js';
import { webhookContract } from '../../test/contracts/webhook.js';

webhookContract('in-memory store', () => new MemoryStore());
webhookContract(
  'in-memory store with simulated transaction retries',
  () => new MemoryStore({ simulateRetries: true }),
);
// The emulator tier's profile on a store that aborts every third transaction: its tolerant
// assertions and redeliveries run here, where the emulator cannot.
webhookContract(
  'in-memory store, every third transaction ABORTED',
  () => new MemoryStore({ abortEvery: 3 }),
  EMULATOR_CONTENTION,
);
