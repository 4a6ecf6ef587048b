/**
 * Test helpers for calling plain handlers in-process with in-memory dependencies.
 * Only imported by tests.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { MemoryStore, type MemoryStoreOptions } from '../../src/lib/store/memory-store.js';
import { MemoryBlobStore } from '../../src/lib/blobs/memory-blobs.js';
import { manualClock } from '../../src/lib/clock.js';
import { setDeps } from '../../src/lib/deps.js';

export function useMemoryDeps(options: MemoryStoreOptions = {}) {
  const deps = { store: new MemoryStore(options), blobs: new MemoryBlobStore(), clock: manualClock() };
  setDeps(deps);
  return deps;
}

/** What firebase-functions puts in `request.app` for a verified App Check token of the web app. */
export const ATTESTED_APP = { appId: '1:000000000000:web:test', token: {}, alreadyConsumed: false };

/**
 * A callable request as firebase-functions hands it to a handler. By default it comes from the
 * attested web app (`app` as after a verified, unconsumed App Check token); `app: undefined`
 * is a caller without one (the extension, a script).
 */
export function fakeRequest(
  data: unknown,
  uid?: string,
  opts: {
    token?: Record<string, unknown>;
    headers?: Record<string, string>;
    ip?: string;
    app?: { appId: string; token: object; alreadyConsumed?: boolean };
  } = {},
): CallableRequest<unknown> {
  return {
    data,
    auth: uid ? { uid, token: { uid, ...opts.token } } : undefined,
    app: 'app' in opts ? opts.app : ATTESTED_APP,
    rawRequest: { ip: opts.ip ?? '203.0.113.7', headers: { 'user-agent': 'vitest', ...opts.headers } },
  } as unknown as CallableRequest<unknown>;
}
