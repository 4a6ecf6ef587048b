/**
 * The contract every {@link BlobStore} implementation passes: run by `memory-blobs.test.ts`
 * (offline) and by the local backend's file-backed store, fresh and reopened from disk.
 */
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/lib/blobs/types.js';

const bytes = (...b: number[]) => new Uint8Array(b);

/**
 * `make` returns the store under test; `reopen`, when given, returns a new instance over the
 * same data (reads after a restart must see every write before it).
 */
export function blobStoreContract(
  name: string,
  make: () => Promise<BlobStore> | BlobStore,
  reopen?: (store: BlobStore) => Promise<BlobStore> | BlobStore,
): void {
  const again = async (store: BlobStore) => (reopen ? reopen(store) : store);
  const root = () => `contract-${Math.random().toString(36).slice(2, 10)}/`;

  describe(`BlobStore contract: ${name}`, () => {
    it('reads back the bytes and content type it saved; null for a missing object', async () => {
      const store = await make();
      const r = root();
      await store.save(`${r}users/u1/generations/g-0.png`, bytes(1, 2, 3), 'image/png');
      const read = await (await again(store)).read(`${r}users/u1/generations/g-0.png`);
      expect(read).toEqual({ bytes: bytes(1, 2, 3), contentType: 'image/png' });
      expect(await store.read(`${r}users/u1/generations/missing.png`)).toBeNull();
    });

    it('overwrites an object in place', async () => {
      const store = await make();
      const path = `${root()}a.json`;
      await store.save(path, bytes(1), 'application/json');
      await store.save(path, bytes(2, 2), 'application/json');
      expect((await (await again(store)).read(path))?.bytes).toEqual(bytes(2, 2));
    });

    it('lists by prefix, sorted, and deletes one object or a whole prefix', async () => {
      const store = await make();
      const r = root();
      for (const p of [
        'users/u1/generations/b.png',
        'users/u1/generations/a.png',
        'users/u12/x.png',
        'exports/u1/e.json',
      ])
        await store.save(`${r}${p}`, bytes(9), 'image/png');
      expect(await store.list(`${r}users/u1/`)).toEqual([
        `${r}users/u1/generations/a.png`,
        `${r}users/u1/generations/b.png`,
      ]);
      await store.delete(`${r}users/u1/generations/a.png`);
      await store.delete(`${r}users/u1/generations/never-existed.png`);
      expect(await store.deletePrefix(`${r}users/u1/`)).toBe(1);
      const after = await again(store);
      expect(await after.list(`${r}users/`)).toEqual([`${r}users/u12/x.png`]);
      expect(await after.read(`${r}exports/u1/e.json`)).not.toBeNull();
    });

    it('hands out a read link for an existing object', async () => {
      const store = await make();
      const path = `${root()}exports/u1/e.json`;
      await store.save(path, bytes(7), 'application/json');
      const url = await store.signedUrl(path, 60_000);
      expect(typeof url).toBe('string');
      expect(url.length).toBeGreaterThan(path.length);
    });
  });
}
