// One account whose purge keeps failing must not stall the daily purge for everyone else.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collections } from '@mimicit/shared';
import { MemoryStore } from '../lib/store/memory-store.js';
import { MemoryBlobStore } from '../lib/blobs/memory-blobs.js';
import { addDays } from '../lib/clock.js';
import { requestDeletion } from './deletion.js';
import { runPurge } from './purge.js';
import { PURGE_ALERT_AFTER, PURGE_PAGE } from './purge-queue.js';
import { FakeAuthAdmin, seedUser } from '../../test/kits/account.js';

const entries = vi.hoisted(() => [] as unknown[][]);
vi.mock('firebase-functions/logger', () => {
  const record = (...args: unknown[]) => void entries.push(args);
  return { debug: record, log: record, info: record, warn: record, error: record, write: record };
});

const T0 = new Date('2026-06-01T00:00:00Z');
const KEY = 'purge-queue-test-key';

/** Fake Auth whose `disable` (the purge's first step) fails for `broken` and logs the order. */
class RecordingAuth extends FakeAuthAdmin {
  readonly order: string[] = [];
  constructor(readonly broken: Set<string>) {
    super();
  }
  override async disable(uid: string): Promise<void> {
    this.order.push(uid);
    if (this.broken.has(uid)) throw new Error(`Auth refused ${uid}`);
    return super.disable(uid);
  }
}

describe('purge queue', () => {
  let store: MemoryStore;
  let blobs: MemoryBlobStore;
  let auth: RecordingAuth;
  beforeEach(() => {
    store = new MemoryStore({ simulateRetries: true });
    blobs = new MemoryBlobStore();
    auth = new RecordingAuth(new Set(['stuck']));
    entries.length = 0;
  });
  afterEach(() => entries.splice(0));

  async function markForDeletion(uid: string, at: Date): Promise<void> {
    auth.add(uid);
    await seedUser(store, blobs, uid, at);
    await requestDeletion({ store, blobs }, auth, uid, at);
  }
  const user = async (uid: string) => (await store.get(collections.users.doc(uid))).data;
  const alerts = () => entries.filter((e) => (e[0] as { severity?: string }).severity === 'ALERT');

  it('goes on past a failing account, records it, retries it behind fresh accounts and alerts', async () => {
    // "stuck" is due first; more than a page of others are due after it.
    await markForDeletion('stuck', T0);
    const others = Array.from({ length: PURGE_PAGE + 5 }, (_, i) => `ok${String(i).padStart(3, '0')}`);
    for (const uid of others) await markForDeletion(uid, addDays(T0, 0.5));

    let now = addDays(T0, 15);
    const first = await runPurge({ store, blobs }, auth, KEY, now);
    expect(first).toMatchObject({ accountsPurged: others.length, accountsFailed: 1 });
    expect(auth.order[0]).toBe('stuck');
    expect(await user('stuck')).toMatchObject({ purgeAttempts: 1 });
    expect(alerts()).toEqual([]);

    // The next day a new account is due: it goes before the one that failed.
    await markForDeletion('fresh', addDays(T0, 1.5));
    auth.order.length = 0;
    now = addDays(now, 1);
    expect(await runPurge({ store, blobs }, auth, KEY, now)).toMatchObject({
      accountsPurged: 1,
      accountsFailed: 1,
    });
    expect(auth.order).toEqual(['fresh', 'stuck']);
    expect(await user('stuck')).toMatchObject({ purgeAttempts: 2 });

    for (let day = 3; day <= PURGE_ALERT_AFTER + 1; day++) {
      now = addDays(now, 1);
      await runPurge({ store, blobs }, auth, KEY, now);
    }
    expect(await user('stuck')).toMatchObject({ purgeAttempts: PURGE_ALERT_AFTER + 1 });
    expect(alerts().map((e) => e[0])).toEqual([
      expect.objectContaining({ message: 'purge.accountStuck', uid: 'stuck', attempts: PURGE_ALERT_AFTER }),
      expect.objectContaining({
        message: 'purge.accountStuck',
        uid: 'stuck',
        attempts: PURGE_ALERT_AFTER + 1,
      }),
    ]);

    // Once the cause is fixed, the next run finishes it.
    auth.broken.clear();
    now = addDays(now, 1);
    expect(await runPurge({ store, blobs }, auth, KEY, now)).toMatchObject({ accountsPurged: 1 });
    expect(store.paths().filter((p) => p.startsWith('users/'))).toEqual([]);
  });

  it('a run whose failures cannot even be recorded stops instead of looping', async () => {
    await markForDeletion('stuck', T0);
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'runTransaction') return () => Promise.reject(new Error('Firestore unavailable'));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const counts = await runPurge({ store: failing, blobs }, auth, KEY, addDays(T0, 15));
    expect(counts).toMatchObject({ accountsPurged: 0, accountsFailed: 1 });
    expect(await user('stuck')).toMatchObject({ purgeAttempts: 0 });
  });
});
