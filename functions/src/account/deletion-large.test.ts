// Account deletion of a large, index-heavy history on a store that refuses oversized commits the
// way Firestore does ("Transaction too big"): hundreds of generations with search tokens, whose
// index entries make a page of 400 deletes far too big for one commit.
import { afterEach, describe, expect, it } from 'vitest';
import { collections, storagePaths, type GenerationDoc } from '@mimicit/shared';
import { MemoryStore } from '../lib/store/memory-store.js';
import { indexEntries } from '../lib/store/commit-limits.js';
import { MemoryBlobStore } from '../lib/blobs/memory-blobs.js';
import { manualClock, addDays } from '../lib/clock.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { fakeRequest } from '../../test/kits/handlers.js';
import { handleRequestAccountDeletion } from './request-account-deletion.js';
import { runPurge } from './purge.js';
import { FakeAuthAdmin, seedUser } from '../../test/kits/account.js';

const T0 = new Date('2026-06-01T00:00:00Z');
const GENERATIONS = 600;

/** A succeeded image generation with the 50 search tokens the history search allows. */
function heavyGeneration(i: number): GenerationDoc {
  const at = new Date(T0.getTime() + i);
  return {
    kind: 'image',
    status: 'succeeded',
    model: 'gpt-image',
    provider: 'openai',
    settings: { aspectRatio: '1:1', resolution: '1k', count: 1 },
    prompt: `a long prompt number ${i}`,
    searchTokens: Array.from({ length: 50 }, (_, t) => `token${t}-${i}`),
    images: [
      {
        path: storagePaths.generationImage('big', `g${i}-0`, 'png'),
        contentType: 'image/png',
        width: 1,
        height: 1,
        bytes: 1,
      },
    ],
    cost: 4,
    refunded: false,
    favorite: i % 3 === 0,
    requestId: `req-${i}`,
    createdAt: at,
    updatedAt: at,
    completedAt: at,
    expiresAt: addDays(at, 1),
  };
}

describe('deleting a large, index-heavy account', () => {
  afterEach(() => {
    resetDeps();
  });

  it(`${GENERATIONS} generations: the request and the purge finish without an oversized commit`, async () => {
    const perDoc = indexEntries(heavyGeneration(0));
    // Firestore's real limit is opaque; any limit that a page of 400 such documents exceeds but a
    // handful fits shows the difference.
    const store = new MemoryStore({ maxCommitIndexEntries: perDoc * 20 });
    const blobs = new MemoryBlobStore();
    const clock = manualClock(T0);
    setDeps({ store, blobs, clock });
    const auth = new FakeAuthAdmin().add('big');
    setDeps({ auth });
    await seedUser(store, blobs, 'big', T0);
    await store.bulkWrite(
      Array.from({ length: GENERATIONS }, (_, i) => ({
        kind: 'set' as const,
        path: collections.generations.doc('big', `g${i}`),
        data: { ...heavyGeneration(i) },
      })),
    );
    await expect(
      store.batch(
        Array.from({ length: 400 }, (_, i) => ({
          kind: 'delete' as const,
          path: collections.generations.doc('big', `g${i}`),
        })),
      ),
    ).rejects.toMatchObject({ message: /Transaction too big/ });

    const res = await handleRequestAccountDeletion(fakeRequest({ confirm: true }, 'big'));
    expect(res.deletedGenerations).toBe(GENERATIONS + 3);
    expect(await store.query({ collection: collections.generations.in('big') })).toEqual([]);

    const counts = await runPurge({ store, blobs }, auth, 'key', addDays(new Date(res.purgeAfter), 1));
    expect(counts).toMatchObject({ accountsPurged: 1, accountsFailed: 0 });
    expect(store.paths().filter((p) => p.includes('big'))).toEqual([]);
  });
});
