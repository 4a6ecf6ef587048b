/**
 * Contract for account deletion and the purge, run on the in-memory store (offline,
 * `deletion.test.ts`) and on Firestore (emulator tier, `deletion.emu.test.ts`) with the same
 * cases. Files live in a MemoryBlobStore in both tiers; the Auth boundary is a fake.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stripe } from 'stripe';
import { ACCOUNT_DELETION_GRACE_DAYS, RETENTION, collections, storagePaths } from '@mimicit/shared';
import type { Data, Store } from '../../src/lib/store/types.js';
import type { Deps } from '../../src/lib/deps.js';
import { MemoryBlobStore } from '../../src/lib/blobs/memory-blobs.js';
import { DAY_MS, addDays, manualClock } from '../../src/lib/clock.js';
import { setDeps, resetDeps } from '../../src/lib/deps.js';
import { fakeRequest } from '../kits/handlers.js';
import { handleCreateExtensionToken } from '../../src/extension-bridge/create-extension-token.js';
import { processStripeEvent } from '../../src/billing/process-event.js';
import { sessionEvent } from '../kits/webhook.js';
import { handleEnsureProfile } from '../../src/account/ensure-profile.js';
import { handleRequestAccountDeletion } from '../../src/account/request-account-deletion.js';
import { handleCancelAccountDeletion } from '../../src/account/cancel-account-deletion.js';
import { runPurge, type PurgeExternals } from '../../src/account/purge.js';
import { paymentOwnerHash } from '../../src/account/tombstones.js';
import { FakeAuthAdmin, personalValues, seedUser } from '../kits/account.js';

export interface ContractEnv {
  /** A store over an empty database. */
  store: Store;
  /** Every document in the database. */
  dump(): Promise<{ path: string; data: Data }[]>;
}

const T0 = new Date('2026-06-01T00:00:00Z');
const KEY = 'contract-payment-hash-key';
/** A well-formed extension id (EXTENSION_IDS is empty in tests: any such id is accepted). */
const EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';

/** The documents that mention any of `values`, keyed by path (for before/after comparisons). */
async function docsMentioning(env: ContractEnv, values: string[]): Promise<Map<string, Data>> {
  const out = new Map<string, Data>();
  for (const doc of await env.dump()) {
    const text = `${doc.path} ${JSON.stringify(doc.data)}`;
    if (values.some((v) => text.includes(v))) out.set(doc.path, doc.data);
  }
  return out;
}

/** Wraps `target` so the `failAt`-th call of any listed method (counted across wrappers) throws. */
function interrupting<T extends object>(
  target: T,
  methods: string[],
  counter: { n: number; failAt: number },
): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (methods.includes(String(prop)) && ++counter.n === counter.failAt) {
          return Promise.reject(new Error(`injected failure at step ${counter.failAt}`));
        }
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

export function deletionContract(name: string, makeEnv: () => Promise<ContractEnv>): void {
  describe(`account deletion and purge: ${name}`, () => {
    let env: ContractEnv;
    let blobs: MemoryBlobStore;
    let auth: FakeAuthAdmin;
    let clock: ReturnType<typeof manualClock>;
    let deps: Pick<Deps, 'store' | 'blobs'>;
    let stripeDeleted: string[];
    let stripe: Required<PurgeExternals>;
    const A = () => personalValues('alice7');
    const B = () => personalValues('bob9');

    async function setup(): Promise<void> {
      env = await makeEnv();
      blobs = new MemoryBlobStore();
      clock = manualClock(T0);
      deps = { store: env.store, blobs };
      stripeDeleted = [];
      stripe = { deleteStripeCustomer: async (id) => void stripeDeleted.push(id) };
      setDeps({ store: env.store, blobs, clock });
      vi.stubEnv('PAYMENT_HASH_KEY', KEY);
      auth = new FakeAuthAdmin(() => clock.now()).add(A().uid, B().uid);
      setDeps({ auth });
      await seedUser(env.store, blobs, A().uid, T0);
      await seedUser(env.store, blobs, B().uid, T0);
    }
    afterEach(() => {
      resetDeps();
      vi.unstubAllEnvs();
    });

    it('deletion request → purge: nothing of A remains but a minimized payment; B is untouched', async () => {
      await setup();
      const a = A();
      const bDocsBefore = await docsMentioning(env, Object.values(B()));
      const bImagesBefore = await blobs.list(storagePaths.userPrefix(B().uid));

      const res = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid, { ip: a.ip }));
      // History and images go at once; sessions are revoked; the purge date is 14 days out.
      expect(res).toMatchObject({ deletedGenerations: 3, deletedFiles: 3, graceDays: 14 });
      const graceMs = Date.parse(res.purgeAfter) - Date.parse(res.requestedAt);
      expect(graceMs).toBe(ACCOUNT_DELETION_GRACE_DAYS * DAY_MS);
      expect(graceMs + DAY_MS).toBeLessThanOrEqual(RETENTION.accountPurgeDays * DAY_MS);
      expect(await env.store.query({ collection: collections.generations.in(a.uid) })).toHaveLength(0);
      expect(await blobs.list(storagePaths.userPrefix(a.uid))).toEqual([]);
      expect(await blobs.list(storagePaths.exportPrefix(a.uid))).toEqual([]);
      expect(auth.users.get(a.uid)).toEqual({ disabled: false, sessionsRevoked: 1 });

      // Before the purge date the purge leaves the account alone.
      clock.advance((ACCOUNT_DELETION_GRACE_DAYS - 1) * DAY_MS);
      expect((await runPurge(deps, auth, KEY, clock.now(), stripe)).accountsPurged).toBe(0);
      expect((await env.store.get(collections.users.doc(a.uid))).data).toBeDefined();

      clock.set(addDays(new Date(res.purgeAfter), 0.5));
      const counts = await runPurge(deps, auth, KEY, clock.now(), stripe);
      expect(counts).toMatchObject({ accountsPurged: 1, accountsFailed: 0, paymentsMinimized: 1 });
      expect(counts.accountLogsDeleted).toBe(3); // two seeded + the deletion request's own entry
      expect(auth.deleted).toEqual([a.uid]);
      expect(stripeDeleted).toEqual([a.customer]);

      // Nothing mentions A any more, in any document or file.
      const leftovers = await docsMentioning(env, Object.values(a));
      expect([...leftovers.keys()]).toEqual([]);
      expect([...blobs.objects.keys()].filter((k) => k.includes(a.uid))).toEqual([]);

      // The payment stays for the tax period, its owner replaced by the keyed hash.
      const payments = (await env.store.query({ collection: collections.payments.in() })).filter(
        (p) => p.data?.uid !== B().uid,
      );
      expect(payments).toHaveLength(1);
      expect(payments[0]?.data).toMatchObject({
        uid: paymentOwnerHash(KEY, a.uid),
        minimized: true,
        amount: 500,
      });
      expect(payments[0]?.data?.uid).not.toBe(paymentOwnerHash('another-key', a.uid));
      expect(payments[0]?.data?.uid).toMatch(/^[0-9a-f]{64}$/);

      // B: every document identical, images intact, sign-in intact.
      expect(await docsMentioning(env, Object.values(B()))).toEqual(bDocsBefore);
      expect(await blobs.list(storagePaths.userPrefix(B().uid))).toEqual(bImagesBefore);
      expect(auth.users.get(B().uid)).toEqual({ disabled: false, sessionsRevoked: 0 });
    });

    it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
      'a purge interrupted at step %i finishes cleanly on the next run',
      async (failAt) => {
        await setup();
        const a = A();
        const res = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid));
        const at = addDays(new Date(res.purgeAfter), 0.5);
        const counter = { n: 0, failAt };
        const broken = {
          store: interrupting(env.store, ['batch', 'bulkWrite', 'deleteRecursive'], counter),
          blobs: interrupting(blobs, ['delete', 'deletePrefix'], counter),
        };
        const first = await runPurge(
          broken,
          interrupting(auth, ['disable', 'delete'], counter),
          KEY,
          at,
          interrupting(stripe, ['deleteStripeCustomer'], counter),
        );
        expect(first).toMatchObject({ accountsPurged: 0, accountsFailed: 1 });
        expect((await env.store.get(collections.users.doc(a.uid))).data).toMatchObject({ purgeAttempts: 1 });
        // The scheduler's retry within the hour leaves it alone; the next day's run finishes it.
        expect(await runPurge(deps, auth, KEY, at, stripe)).toMatchObject({ accountsFailed: 0 });

        const nextDay = addDays(at, 1);
        const second = await runPurge(deps, auth, KEY, nextDay, stripe);
        expect(second).toMatchObject({ accountsPurged: 1, accountsFailed: 0 });
        expect([...(await docsMentioning(env, Object.values(a))).keys()]).toEqual([]);
        expect([...blobs.objects.keys()].filter((k) => k.includes(a.uid))).toEqual([]);
        const hashed = await env.store.query({
          collection: collections.payments.in(),
          where: [['uid', '==', paymentOwnerHash(KEY, a.uid)]],
        });
        expect(hashed.map((p) => p.data?.minimized)).toEqual([true]);
        expect(stripeDeleted).toContain(a.customer);
        expect(await runPurge(deps, auth, KEY, nextDay, stripe)).toMatchObject({
          accountsPurged: 0,
          accountsFailed: 0,
        });
      },
    );

    it('a purged account cannot come back: not by an old ID token, a custom token or a late payment', async () => {
      await setup();
      const a = A();
      const res = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid));
      clock.set(addDays(new Date(res.purgeAfter), 0.5));
      await runPurge(deps, auth, KEY, clock.now(), stripe);
      const tombstone = await env.store.get(collections.accountTombstones.doc(paymentOwnerHash(KEY, a.uid)));
      expect(tombstone.data).toEqual({
        purgedAt: clock.now(),
        expireAt: addDays(clock.now(), RETENTION.tombstoneDays),
      });
      const deleted = { code: 'failed-precondition', details: { reason: 'account-deleted' } };

      // An ID token from before the purge (valid up to an hour): its Auth user is gone.
      const google = { token: { name: a.name, email: a.email, auth_time: T0.getTime() / 1000 } };
      await expect(handleEnsureProfile(fakeRequest({}, a.uid, google))).rejects.toMatchObject(deleted);
      // A custom token minted before the purge signs the uid in again and recreates the Auth user.
      auth.add(a.uid);
      await expect(handleEnsureProfile(fakeRequest({}, a.uid, google))).rejects.toMatchObject(deleted);
      await expect(
        handleCreateExtensionToken(fakeRequest({ extensionId: EXTENSION }, a.uid)),
      ).rejects.toMatchObject(deleted);
      // A checkout paid after the purge, with no stored payment record: nobody is credited.
      const late = sessionEvent('checkout.session.completed', { sessionId: 'cs_test_late', uid: a.uid });
      expect(await processStripeEvent(env.store, late as unknown as Stripe.Event, clock.now())).toEqual({
        effect: 'account-deleted',
        uid: null,
      });

      expect((await env.store.get(collections.users.doc(a.uid))).data).toBeUndefined();
      // Only the access logs of the three refused calls (kept 90 days like every access log).
      const mentions = [...(await docsMentioning(env, Object.values(a))).entries()];
      expect(mentions.map(([, d]) => d.operation).sort()).toEqual([
        'createExtensionToken',
        'ensureProfile',
        'ensureProfile',
      ]);
      expect((await env.store.get(collections.payments.doc('cs_test_late'))).data).toMatchObject({
        uid: paymentOwnerHash(KEY, a.uid),
        minimized: true,
        status: 'paid',
        granted: false,
      });
    });

    it('cancel within the grace period keeps the account; a repeated request never postpones the purge', async () => {
      await setup();
      const a = A();
      const first = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid));
      await expect(
        handleCreateExtensionToken(fakeRequest({ extensionId: EXTENSION }, a.uid)),
      ).rejects.toMatchObject({
        code: 'failed-precondition',
        details: { reason: 'account-pending-deletion' },
      });
      clock.advance(5 * DAY_MS);
      const again = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid));
      expect(again.purgeAfter).toBe(first.purgeAfter);

      const { profile } = await handleCancelAccountDeletion(fakeRequest({}, a.uid));
      expect(profile).toMatchObject({ uid: a.uid, deletion: null, credits: 11 });
      expect(
        (await handleCreateExtensionToken(fakeRequest({ extensionId: EXTENSION }, a.uid))).token,
      ).toContain(a.uid);

      clock.advance(30 * DAY_MS);
      expect((await runPurge(deps, auth, KEY, clock.now(), stripe)).accountsPurged).toBe(0);
      expect((await env.store.get(collections.users.doc(a.uid))).data).toMatchObject({ credits: 11 });
      expect(await env.store.query({ collection: collections.ledger.in(a.uid) })).toHaveLength(3);
      expect(auth.users.has(a.uid)).toBe(true);
    });

    it('cancelling after the purge date is refused', async () => {
      await setup();
      const a = A();
      const res = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, a.uid));
      clock.set(new Date(res.purgeAfter));
      await expect(handleCancelAccountDeletion(fakeRequest({}, a.uid))).rejects.toMatchObject({
        code: 'failed-precondition',
        details: { reason: 'account-pending-deletion' },
      });
    });

    it('access logs past 90 days and exports past a day are removed; newer ones stay', async () => {
      await setup();
      const now = addDays(T0, 30);
      const log = (at: Date, withExpiry: boolean) => ({
        uid: 'someone',
        ip: '192.0.2.1',
        userAgent: 'ua',
        extensionVersion: null,
        operation: 'getCatalog',
        at,
        ...(withExpiry ? { expireAt: addDays(at, 90) } : {}),
      });
      await env.store.batch([
        { kind: 'set', path: collections.accessLogs.doc('old-ttl'), data: log(addDays(now, -91), true) },
        { kind: 'set', path: collections.accessLogs.doc('old-no-ttl'), data: log(addDays(now, -95), false) },
        { kind: 'set', path: collections.accessLogs.doc('recent'), data: log(addDays(now, -89), true) },
      ]);
      const fresh = `exports/someone/mimicit-export-${now.getTime() - 3_600_000}.json`;
      await blobs.save(fresh, new Uint8Array([1]), 'application/json');
      await blobs.save('exports/someone/unknown.bin', new Uint8Array([1]), 'application/octet-stream');

      const payment = (id: string, expireAt: Date) => ({
        kind: 'set' as const,
        path: collections.payments.doc(id),
        data: {
          uid: 'someone',
          minimized: true,
          status: 'paid',
          createdAt: addDays(expireAt, -2557),
          expireAt,
        },
      });
      await env.store.batch([payment('cs_old', addDays(now, -1)), payment('cs_kept', addDays(now, 1))]);

      const counts = await runPurge(deps, auth, KEY, now, stripe);
      expect(counts.expiredLogsDeleted).toBe(2);
      // Payment records past their 7 years: the TTL policy's backstop.
      expect(counts.expiredPaymentsDeleted).toBe(1);
      expect((await env.store.get(collections.payments.doc('cs_old'))).exists).toBe(false);
      expect((await env.store.get(collections.payments.doc('cs_kept'))).exists).toBe(true);
      // A's and B's exports (30 days old) and the unrecognised file; the fresh one stays.
      expect(counts.staleExportsDeleted).toBe(3);
      expect(await blobs.list(storagePaths.exportsRoot())).toEqual([fresh]);
      expect((await env.store.get(collections.accessLogs.doc('recent'))).data).toBeDefined();
      expect((await env.store.get(collections.accessLogs.doc('old-ttl'))).data).toBeUndefined();
      expect((await env.store.get(collections.accessLogs.doc('old-no-ttl'))).data).toBeUndefined();
    });
  });
}
