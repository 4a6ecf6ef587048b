/**
 * The contract every client data port adapter passes: the Firebase adapter against the Emulator
 * Suite (`firebase.emu.test.ts`, emulator tier) and the local adapter against a real local
 * backend (functions/src/local/client-data.test.ts, offline tier), with the same cases.
 */
import { describe, expect, it, vi } from 'vitest';
import { collections, storagePaths, type GenerationDoc } from '@mimicit/shared';
import type { ClientDataPort, ClientQuery } from '../src/types.js';

export interface ClientDataFixture {
  /** A port signed in as `uid`, or signed out for null. */
  port(uid: string | null): Promise<ClientDataPort>;
  /** Server-side writes (they bypass the rules, as the functions' Admin SDK does). */
  set(path: string, data: Record<string, unknown>): Promise<void>;
  remove(path: string): Promise<void>;
  saveBlob(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

/** A write the types refuse, sent anyway: the adapter (and the rules behind it) must refuse it too. */
const forged = <T>(fields: Record<string, unknown>) => fields as T;
const WAIT = { timeout: 10_000, interval: 25 };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

const newUid = () => `u${Math.random().toString(36).slice(2, 12)}`;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

function userDoc(credits = 10) {
  return {
    displayName: 'Contract',
    email: 'contract@example.com',
    photoURL: null,
    locale: 'en',
    settings: {},
    credits,
    signupGranted: true,
    createdAt: at(0),
    updatedAt: at(0),
  };
}

function generationDoc(minute: number, extra: Record<string, unknown> = {}) {
  return {
    kind: 'prompt',
    status: 'succeeded',
    model: 'local-preview',
    provider: 'local',
    settings: {},
    resultPrompts: [`prompt ${minute}`],
    searchTokens: ['local-preview', minute % 2 ? 'odd' : 'even'],
    cost: 1,
    refunded: false,
    favorite: false,
    requestId: `r${minute}`,
    createdAt: at(minute),
    updatedAt: at(minute),
    expiresAt: at(minute + 30),
    ...extra,
  };
}

const history = (
  uid: string,
  extra: Partial<ClientQuery<GenerationDoc>> = {},
): ClientQuery<GenerationDoc> => ({
  collection: collections.generations.in(uid),
  orderBy: ['createdAt', 'desc'],
  limit: 20,
  ...extra,
});

async function denied(attempt: Promise<unknown>): Promise<void> {
  const err = (await attempt.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string } | null;
  expect(err, 'the call should have been refused').not.toBeNull();
  // Firestore says permission-denied; Storage says storage/unauthorized (or unauthenticated).
  expect(err?.code).toMatch(/permission-denied|unauthorized|unauthenticated/);
}

export function clientDataContract(name: string, fixture: () => ClientDataFixture): void {
  describe(`Client data port contract: ${name}`, () => {
    it('reads the owner’s document validated, with Dates, and null for a missing one', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.users.doc(uid), userDoc(7));
      const port = await f.port(uid);
      const doc = await port.getDoc(collections.users.doc(uid));
      expect(doc).toMatchObject({ id: uid, credits: 7, locale: 'en' });
      expect(doc?.createdAt).toBeInstanceOf(Date);
      expect(await port.getDoc(collections.generations.doc(uid, 'missing'))).toBeNull();
    });

    it('refuses another person’s documents and every read when signed out', async () => {
      const f = fixture();
      const [owner, other] = [newUid(), newUid()];
      await f.set(collections.users.doc(owner), userDoc());
      await f.set(collections.generations.doc(owner, 'g1'), generationDoc(1));
      await denied((await f.port(other)).getDoc(collections.users.doc(owner)));
      await denied((await f.port(other)).queryPage(history(owner)));
      await denied((await f.port(null)).getDoc(collections.users.doc(owner)));
    });

    it('rejects a stored document that does not match its schema', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.users.doc(uid), { ...userDoc(), credits: 'many' });
      await expect((await f.port(uid)).getDoc(collections.users.doc(uid))).rejects.toThrow(/does not match/);
    });

    it('follows a document live: its data, each change, then null once deleted', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.users.doc(uid), userDoc(3));
      const seen: (number | null)[] = [];
      const errors: unknown[] = [];
      const stop = (await f.port(uid)).watchDoc(
        collections.users.doc(uid),
        (doc) => seen.push(doc ? doc.credits : null),
        (err) => errors.push(err),
      );
      try {
        await vi.waitFor(() => expect(seen).toContain(3), WAIT);
        await f.set(collections.users.doc(uid), userDoc(2));
        await vi.waitFor(() => expect(seen.at(-1)).toBe(2), WAIT);
        await f.remove(collections.users.doc(uid));
        await vi.waitFor(() => expect(seen.at(-1)).toBeNull(), WAIT);
        expect(errors).toEqual([]);
      } finally {
        stop();
      }
    });

    it('pages a query newest first with the History filters and an exact cursor', async () => {
      const f = fixture();
      const uid = newUid();
      for (let m = 1; m <= 7; m++) {
        await f.set(collections.generations.doc(uid, `g${m}`), generationDoc(m, { favorite: m % 3 === 0 }));
      }
      // Two documents sharing a timestamp at a page boundary: neither may be skipped.
      await f.set(collections.generations.doc(uid, 'tie'), generationDoc(4, { requestId: 'tie' }));
      const port = await f.port(uid);
      const first = await port.queryPage(history(uid, { limit: 3 }));
      expect(first.items.map((g) => g.id)).toEqual(['g7', 'g6', 'g5']);
      const second = await port.queryPage(history(uid, { limit: 3 }), first.cursor);
      const third = await port.queryPage(history(uid, { limit: 3 }), second.cursor);
      const rest = [...second.items, ...third.items].map((g) => g.id);
      expect(rest.slice(0, 2).sort()).toEqual(['g4', 'tie']);
      expect(rest.slice(2)).toEqual(['g3', 'g2', 'g1']);
      expect(third.cursor).toBeNull();
      const favs = await port.queryPage(history(uid, { where: [['favorite', '==', true]] }));
      expect(favs.items.map((g) => g.id)).toEqual(['g6', 'g3']);
      const odd = await port.queryPage(history(uid, { where: [['searchTokens', 'array-contains', 'odd']] }));
      expect(odd.items.map((g) => g.id)).toEqual(['g7', 'g5', 'g3', 'g1']);
      expect(odd.cursor).toBeNull();
      const none = await port.queryPage(history(uid, { where: [['model', '==', 'flux-dev']] }));
      expect(none.items).toEqual([]);
    });

    it('follows a small query live (the extension’s Recent results)', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.generations.doc(uid, 'g1'), generationDoc(1));
      const seen: string[][] = [];
      const stop = (await f.port(uid)).watchQuery(
        history(uid, { limit: 2 }),
        (docs) => seen.push(docs.map((d) => d.id)),
        () => undefined,
      );
      try {
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(['g1']), WAIT);
        await f.set(collections.generations.doc(uid, 'g2'), generationDoc(2));
        await f.set(collections.generations.doc(uid, 'g3'), generationDoc(3));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(['g3', 'g2']), WAIT);
      } finally {
        stop();
      }
    });

    it('writes only the fields the rules allow, with the rules’ validation', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.users.doc(uid), userDoc(5));
      await f.set(collections.generations.doc(uid, 'g1'), generationDoc(1));
      const port = await f.port(uid);
      await port.update(collections.generations.doc(uid, 'g1'), { favorite: true });
      await port.update(collections.users.doc(uid), { locale: 'ja', settings: { promptStyle: 'tags' } });
      const gen = collections.generations.doc(uid, 'g1');
      const user = collections.users.doc(uid);
      await denied(port.update(gen, forged({ status: 'failed' })));
      await denied(port.update(gen, forged({ favorite: 'yes' })));
      await denied(port.update(user, forged({ credits: 500 })));
      await denied(port.update(user, forged({ settings: { theme: 'dark' } })));
      await denied(port.update(collections.ledger.doc(uid, 'l1'), forged({ delta: 5 })));
      await denied(
        (await f.port(newUid())).update(collections.generations.doc(uid, 'g1'), { favorite: false }),
      );
      expect(await port.getDoc(collections.generations.doc(uid, 'g1'))).toMatchObject({
        favorite: true,
        status: 'succeeded',
      });
      expect(await port.getDoc(collections.users.doc(uid))).toMatchObject({
        locale: 'ja',
        settings: { promptStyle: 'tags' },
        credits: 5,
      });
    });

    it('reads the ledger newest first', async () => {
      const f = fixture();
      const uid = newUid();
      await f.set(collections.ledger.doc(uid, 'a'), {
        delta: 10,
        reason: 'grant',
        ref: 'signup',
        balanceAfter: 10,
        createdAt: at(1),
      });
      await f.set(collections.ledger.doc(uid, 'b'), {
        delta: -1,
        reason: 'generation',
        ref: 'g1',
        balanceAfter: 9,
        createdAt: at(2),
      });
      const page = await (
        await f.port(uid)
      ).queryPage({ collection: collections.ledger.in(uid), orderBy: ['createdAt', 'desc'], limit: 20 });
      expect(page.items.map((e) => [e.id, e.balanceAfter])).toEqual([
        ['b', 9],
        ['a', 10],
      ]);
    });

    it('reads an image’s bytes for its owner only', async () => {
      const f = fixture();
      const [owner, other] = [newUid(), newUid()];
      const path = storagePaths.generationImage(owner, 'g1-0', 'png');
      await f.saveBlob(path, PNG, 'image/png');
      const blob = await (await f.port(owner)).readBlob(path);
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
      expect(blob.type).toBe('image/png');
      await denied((await f.port(other)).readBlob(path));
      await denied((await f.port(null)).readBlob(path));
    });
  });
}
