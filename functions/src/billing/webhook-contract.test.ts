import { MemoryStore } from '../lib/store/memory-store.js';
import { webhookContract } from './webhook-contract.js';

webhookContract('in-memory store', () => new MemoryStore());
webhookContract(
  'in-memory store with simulated transaction retries',
  () => new MemoryStore({ simulateRetries: true }),
);
