import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { blobStoreContract } from '../../../test/contracts/blobs.js';
import type { BlobStore } from '../../lib/blobs/types.js';
import { FileBlobStore } from './file-blobs.js';

const dirs: string[] = [];
const folders = new WeakMap<BlobStore, string>();
const signer = (path: string, ms: number) =>
  `http://127.0.0.1:1/signed?path=${encodeURIComponent(path)}&ms=${ms}`;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function make(): BlobStore {
  const dir = mkdtempSync(join(tmpdir(), 'mimicit-blobs-'));
  dirs.push(dir);
  const store = new FileBlobStore(dir, signer);
  folders.set(store, dir);
  return store;
}

blobStoreContract('FileBlobStore', make);
blobStoreContract(
  'FileBlobStore, reopened from its folder',
  make,
  (store) => new FileBlobStore(folders.get(store)!, signer),
);

it('refuses object paths that could leave its folder', async () => {
  const store = make();
  await expect(store.save('../escape.png', new Uint8Array([1]), 'image/png')).rejects.toThrow(
    /Not an object path/,
  );
  await expect(store.read('users/../../x')).rejects.toThrow(/Not an object path/);
});
