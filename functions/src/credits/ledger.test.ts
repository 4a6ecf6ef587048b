import { MemoryStore } from '../lib/store/memory-store.js';
import { creditContract } from './contract.js';

creditContract('in-memory store', () => new MemoryStore());
creditContract(
  'in-memory store with simulated transaction retries',
  () => new MemoryStore({ simulateRetries: true }),
);
