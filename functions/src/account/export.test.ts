import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EXPORT_INLINE_MAX_BYTES,
  exportMyDataResponseSchema,
  mimicitExportSchema,
  collections,
  type MimicitExport,
} from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { resetDeps } from '../lib/deps.js';
import { handleExportMyData } from './export-my-data.js';
import { EXPORT_SIGN_CONCURRENCY } from './export.js';
import { personalValues, seedUser, seededSessionId } from '../../test/kits/account.js';

describe('handleExportMyData', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  const a = personalValues('alice7');
  const b = personalValues('bob9');
  beforeEach(async () => {
    deps = useMemoryDeps();
    await seedUser(deps.store, deps.blobs, a.uid, deps.clock.now());
    await seedUser(deps.store, deps.blobs, b.uid, deps.clock.now());
  });
  afterEach(() => resetDeps());

  async function exportInline(uid: string): Promise<MimicitExport> {
    const res = exportMyDataResponseSchema.parse(await handleExportMyData(fakeRequest({}, uid)));
    if (res.delivery !== 'inline') throw new Error('expected an inline export');
    return res.document;
  }

  it('round-trips: valid v1 document with every generation and ledger entry, nobody else', async () => {
    const doc = await exportInline(a.uid);
    // Through JSON and back, as the client receives it.
    const parsed = mimicitExportSchema.parse(JSON.parse(JSON.stringify(doc)));
    expect(parsed).toMatchObject({ format: 'mimicit-export', formatVersion: 1 });
    expect(parsed.account).toMatchObject({ uid: a.uid, email: a.email, displayName: a.name, credits: 11 });
    expect(parsed.settings).toEqual({ promptStyle: 'tags', defaultImageModel: 'gpt-image-1' });

    const gens = await deps.store.query({ collection: collections.generations.in(a.uid) });
    expect(parsed.generations.map((g) => g.id).sort()).toEqual(gens.map((g) => g.id).sort());
    expect(parsed.generations.map((g) => g.id)).toEqual(['gen2', 'gen1', 'gen0']); // newest first
    expect(parsed.generations.find((g) => g.id === 'gen0')).toMatchObject({
      prompt: `${a.prompt} #0`,
      settings: { aspectRatio: '1:1' },
      favorite: true,
      model: 'gpt-image-1',
    });
    expect(parsed.generations.find((g) => g.id === 'gen2')?.resultPrompts).toEqual([`${a.prompt} described`]);

    const ledger = await deps.store.query({ collection: collections.ledger.in(a.uid) });
    expect(parsed.ledger.map((e) => e.id).sort()).toEqual(ledger.map((e) => e.id).sort());
    expect(parsed.ledger.reduce((s, e) => s + e.delta, 0)).toBe(11);
    expect(parsed.payments).toEqual([expect.objectContaining({ id: seededSessionId(a.uid), amount: 500 })]);
    // Two seeded entries and this export's own call.
    expect(parsed.accessLogs.map((l) => l.operation).sort()).toEqual([
      'exportMyData',
      'generateImage',
      'generateImage',
    ]);

    const text = JSON.stringify(parsed);
    for (const v of Object.values(b)) expect(text).not.toContain(v);
    expect(text).not.toContain(seededSessionId(b.uid));
  });

  it('gives each stored image a one-hour download link, and null for a missing file', async () => {
    await deps.blobs.delete(`users/${a.uid}/generations/gen1-0.png`);
    const doc = await exportInline(a.uid);
    const img0 = doc.generations.find((g) => g.id === 'gen0')?.images[0];
    expect(img0?.url).toBe(`memory://users/${a.uid}/generations/gen0-0.png?expires=3600000`);
    expect(Date.parse(img0?.urlExpiresAt ?? '') - Date.parse(doc.exportedAt)).toBe(3_600_000);
    expect(doc.generations.find((g) => g.id === 'gen1')?.images[0]).toMatchObject({
      url: null,
      urlExpiresAt: null,
    });
  });

  it(`signs 400 images at most ${EXPORT_SIGN_CONCURRENCY} at a time (each is an IAM call in production)`, async () => {
    const ops = [];
    for (let i = 0; i < 400; i++) {
      const path = `users/${a.uid}/generations/many${i}-0.png`;
      await deps.blobs.save(path, new Uint8Array([1]), 'image/png');
      ops.push({
        kind: 'set' as const,
        path: collections.generations.doc(a.uid, `many${i}`),
        data: {
          kind: 'image',
          status: 'succeeded',
          model: 'flux-dev',
          provider: 'fal',
          settings: {},
          images: [{ path, contentType: 'image/png', width: 1, height: 1, bytes: 1 }],
          cost: 3,
          refunded: false,
          favorite: false,
          requestId: `m${i}`,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
          expiresAt: deps.clock.now(),
        },
      });
    }
    await deps.store.bulkWrite(ops);
    let inFlight = 0;
    let most = 0;
    let signed = 0;
    const sign = deps.blobs.signedUrl.bind(deps.blobs);
    deps.blobs.signedUrl = async (path, ttl) => {
      most = Math.max(most, ++inFlight);
      // A remote call: answered on a later turn of the event loop.
      await new Promise((r) => setImmediate(r));
      inFlight--;
      signed++;
      return sign(path, ttl);
    };
    const res = exportMyDataResponseSchema.parse(await handleExportMyData(fakeRequest({}, a.uid)));
    expect(res.delivery).toBe('inline');
    expect(signed).toBe(402);
    expect(most).toBe(EXPORT_SIGN_CONCURRENCY);
  });

  it('stores a large export under exports/{uid}/ and returns a short-lived link', async () => {
    const long = 'x'.repeat(5_000);
    await deps.store.batch(
      Array.from({ length: 250 }, (_, i) => ({
        kind: 'set' as const,
        path: collections.generations.doc(a.uid, `big${i}`),
        data: {
          kind: 'image',
          status: 'failed',
          model: 'flux-dev',
          provider: 'fal',
          settings: {},
          prompt: long,
          cost: 3,
          refunded: true,
          favorite: false,
          requestId: `r${i}`,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
          expiresAt: deps.clock.now(),
        },
      })),
    );
    const res = exportMyDataResponseSchema.parse(await handleExportMyData(fakeRequest({}, a.uid)));
    if (res.delivery !== 'link') throw new Error('expected a link');
    expect(res.bytes).toBeGreaterThan(EXPORT_INLINE_MAX_BYTES);
    const name = `exports/${a.uid}/mimicit-export-${deps.clock.now().getTime()}.json`;
    expect(res.url).toBe(`memory://${name}?expires=3600000`);
    expect(Date.parse(res.expiresAt) - deps.clock.now().getTime()).toBe(3_600_000);
    const stored = await deps.blobs.read(name);
    expect(stored?.contentType).toBe('application/json');
    const doc = mimicitExportSchema.parse(JSON.parse(new TextDecoder().decode(stored?.bytes)));
    expect(doc.generations).toHaveLength(253);
  });

  it('exports an account without a profile document as an empty, valid document', async () => {
    const doc = await exportInline('newcomer');
    expect(doc.account).toMatchObject({ uid: 'newcomer', createdAt: null, credits: 0 });
    expect(doc.generations).toEqual([]);
    expect(doc.ledger).toEqual([]);
  });
});
