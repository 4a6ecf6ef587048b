/**
 * Firestore cost, counted by the instrumented data-access layer (MemoryStore.stats) while running
 * the real handlers and the exact queries the web app makes.
 */
import sharp from 'sharp';
import { collections } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../functions/test/kits/handlers.js';
import { resetDeps } from '../functions/src/lib/deps.js';
import { applyCreditChange } from '../functions/src/credits/ledger.js';
import { handleGenerateImage } from '../functions/src/generation/generate-image.js';

const HISTORY_PAGE = 20;

export async function firestoreCostBench() {
  process.env.FUNCTIONS_EMULATOR = 'true'; // the keyless preview model is only offered there
  const deps = useMemoryDeps();
  const uid = 'bench-user';
  const now = deps.clock.now();
  await applyCreditChange(
    deps.store,
    uid,
    { entryId: 'grant-bench', delta: 1000, reason: 'grant', ref: 'bench' },
    now,
  );
  const image = await sharp({ create: { width: 256, height: 192, channels: 3, background: '#c04030' } })
    .jpeg()
    .toBuffer();
  const source = `data:image/jpeg;base64,${image.toString('base64')}`;

  // Writes per generation: one image generation with the local preview model, end to end.
  const before = { ...deps.store.stats };
  const logsBefore = (await deps.store.query({ collection: collections.accessLogs.in() })).length;
  deps.store.stats.reads = before.reads;
  const generated = await handleGenerateImage(
    fakeRequest(
      {
        requestId: 'bench-req-0001',
        model: 'local-preview',
        prompt: 'a red fox',
        reference: { dataUrl: source },
      },
      uid,
    ),
  );
  const writes = deps.store.stats.writes - before.writes;
  const logsAfter = (await deps.store.query({ collection: collections.accessLogs.in() })).length;
  const accessLogWrites = logsAfter - logsBefore;

  if (generated.status !== 'succeeded') throw new Error(`generation ${generated.failureCode}`);

  // Seed a long history of copies of that real document (the store checks every read against
  // the collection's schema), then count what the dashboard and one history page read.
  const real = (await deps.store.get(collections.generations.doc(uid, generated.generationId))).data!;
  const ops = Array.from({ length: 120 }, (_, i) => ({
    kind: 'set' as const,
    path: collections.generations.doc(uid, `seed${String(i).padStart(4, '0')}`),
    data: {
      ...real,
      requestId: `seed-${i}`,
      createdAt: new Date(now.getTime() - i * 1000),
      favorite: i % 5 === 0,
    },
  }));
  for (let i = 0; i < ops.length; i += 100) await deps.store.batch(ops.slice(i, i + 100));

  const r0 = deps.store.stats.reads;
  await deps.store.get(collections.users.doc(uid));
  const firstPage = await deps.store.query({
    collection: collections.generations.in(uid),
    orderBy: [['createdAt', 'desc']],
    limit: HISTORY_PAGE,
  });
  const dashboardReads = deps.store.stats.reads - r0;
  const r1 = deps.store.stats.reads;
  await deps.store.query({
    collection: collections.generations.in(uid),
    orderBy: [['createdAt', 'desc']],
    limit: HISTORY_PAGE,
    startAfter: [firstPage.at(-1)?.data?.createdAt],
  });
  const historyPageReads = deps.store.stats.reads - r1;
  resetDeps();
  return {
    writesPerGeneration: writes - accessLogWrites,
    accessLogWritesPerCall: accessLogWrites,
    dashboardReads,
    historyPageReads,
    historyPageSize: HISTORY_PAGE,
  };
}
