// A small WebP thumbnail next to every generated image: written at save time, recorded on the
// image, deleted with the generation, purged with the account, listed by the export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { collections, storagePaths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { resetDeps } from '../lib/deps.js';
import { buildExport } from '../account/export.js';
import { requestDeletion } from '../account/deletion.js';
import { runPurge } from '../account/purge.js';
import { FakeAuthAdmin } from '../../test/kits/account.js';
import { handleDeleteGeneration } from './delete-generation.js';
import { handleGenerateImage } from './generate-image.js';
import { THUMBNAIL_LONG_SIDE } from './store-images.js';
import { giveCredits } from '../../test/kits/generation.js';

describe('thumbnails', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  /** Two images with the keyless preview model (real 1024 px JPEGs through the real pipeline). */
  const generate = (requestId = 'req-thumb-00001', aspectRatio = '4:3') =>
    handleGenerateImage(
      fakeRequest({ requestId, model: 'local-preview', prompt: 'a harbour', aspectRatio, count: 2 }, 'u1'),
    );
  const docOf = async (id: string) => (await deps.store.get(collections.generations.doc('u1', id))).data!;

  beforeEach(async () => {
    deps = useMemoryDeps();
    await giveCredits(deps, 'u1', 20);
  });
  afterEach(() => resetDeps());

  it('written at save time: a 320 px WebP next to each image, recorded on the image and in the result', async () => {
    const res = await generate();
    expect(res.status).toBe('succeeded');
    expect(res.thumbnailPaths).toEqual(
      [0, 1].map((n) => `users/u1/generations/${res.generationId}-${n}.thumb.webp`),
    );
    const { images } = await docOf(res.generationId);
    for (const [n, image] of images!.entries()) {
      const file = (await deps.blobs.read(image.thumbnail!.path))!;
      expect(file.contentType).toBe('image/webp');
      const meta = await sharp(Buffer.from(file.bytes)).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: THUMBNAIL_LONG_SIDE, height: 240 });
      expect(image.thumbnail).toEqual({
        path: res.thumbnailPaths![n],
        contentType: 'image/webp',
        width: 320,
        height: 240,
        bytes: file.bytes.length,
      });
      expect(image.thumbnail!.bytes).toBeLessThan(image.bytes / 4);
    }
  });

  it('deleted with the generation (imagesDeleted counts the images)', async () => {
    const res = await generate();
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toHaveLength(4);
    const out = await handleDeleteGeneration(fakeRequest({ generationId: res.generationId }, 'u1'));
    expect(out).toEqual({ deleted: true, imagesDeleted: 2 });
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);
  });

  it('deleted when the person deletes the account, and by the purge if any were left', async () => {
    const auth = new FakeAuthAdmin(() => deps.clock.now()).add('u1');
    await generate();
    await requestDeletion(deps, auth, 'u1', deps.clock.now());
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);

    // Files a crash left behind after the request are the purge's to remove.
    await deps.blobs.save('users/u1/generations/late-0.thumb.webp', Buffer.from('webp'), 'image/webp');
    const later = new Date(deps.clock.now().getTime() + 60 * 86_400_000);
    const counts = await runPurge(deps, auth, 'test-hash-key', later);
    expect(counts.accountsPurged).toBe(1);
    expect(await deps.blobs.list(storagePaths.userPrefix('u1'))).toEqual([]);
  });

  it('listed by the export (path and size, no second link); older images without one say null', async () => {
    const res = await generate();
    const old = await generate('req-thumb-00002', '1:1');
    const doc = await docOf(old.generationId);
    await deps.store.batch([
      {
        kind: 'update',
        path: collections.generations.doc('u1', old.generationId),
        data: { images: doc.images!.map(({ thumbnail: _dropped, ...image }) => image) },
      },
    ]);
    const exported = await buildExport(deps, 'u1', deps.clock.now());
    const byId = new Map(exported.generations.map((g) => [g.id, g]));
    const images = byId.get(res.generationId)!.images;
    expect(images.map((i) => i.thumbnail?.path)).toEqual(res.thumbnailPaths);
    expect(images[0]!.thumbnail).toMatchObject({ contentType: 'image/webp', width: 320, height: 240 });
    expect(images[0]!.url).toMatch(/\w/);
    expect(images[0]!.thumbnail).not.toHaveProperty('url');
    expect(byId.get(old.generationId)!.images.map((i) => i.thumbnail)).toEqual([null, null]);
    expect(byId.get(res.generationId)!.settings).toMatchObject({ seed: expect.any(Number) });
  });
});
