/**
 * Test helpers for calling plain handlers in-process with in-memory dependencies.
 * Only imported by tests.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { MemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
import { MemoryBlobStore } from './blobs/memory-blobs.js';
import { manualClock } from './clock.js';
import { setDeps } from './deps.js';

export function useMemoryDeps(options: MemoryStoreOptions = {}) {
  const deps = { store: new MemoryStore(options), blobs: new MemoryBlobStore(), clock: manualClock() };
  setDeps(deps);
  return deps;
}

export function fakeRequest(
  data: unknown,
  uid?: string,
  opts: { token?: Record<string, unknown>; headers?: Record<string, string>; ip?: string } = {},
): CallableRequest<unknown> {
  return {
    data,
    auth: uid ? { uid, token: { uid, ...opts.token } } : undefined,
    rawRequest: { ip: opts.ip ?? '203.0.113.7', headers: { 'user-agent': 'vitest', ...opts.headers } },
  } as unknown as CallableRequest<unknown>;
}
