import { getStorage } from 'firebase-admin/storage';
import { adminApp } from '../admin.js';
import type { BlobStore } from './types.js';

/** {@link BlobStore} on the project's default Cloud Storage bucket (or the Storage emulator). */
export class GcsBlobStore implements BlobStore {
  private bucket() {
    return getStorage(adminApp()).bucket();
  }
  async save(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.bucket().file(path).save(Buffer.from(bytes), { contentType, resumable: false });
  }
  async read(path: string) {
    const file = this.bucket().file(path);
    const [exists] = await file.exists();
    if (!exists) return null;
    const [[bytes], [meta]] = await Promise.all([file.download(), file.getMetadata()]);
    return { bytes: new Uint8Array(bytes), contentType: meta.contentType ?? 'application/octet-stream' };
  }
  async delete(path: string): Promise<void> {
    await this.bucket().file(path).delete({ ignoreNotFound: true });
  }
  async deletePrefix(prefix: string): Promise<number> {
    const names = await this.list(prefix);
    await this.bucket().deleteFiles({ prefix, force: true });
    return names.length;
  }
  async list(prefix: string): Promise<string[]> {
    const [files] = await this.bucket().getFiles({ prefix });
    return files.map((f) => f.name);
  }
  async signedUrl(path: string, expiresInMs: number): Promise<string> {
    const [url] = await this.bucket()
      .file(path)
      .getSignedUrl({ action: 'read', expires: Date.now() + expiresInMs, version: 'v4' });
    return url;
  }
}
