/**
 * The local backend's persisted {@link BlobStore}: one file per object in `dir/objects/`, named
 * by the URL-encoded object path (a flat folder: no path can climb out of it), with the content
 * type beside it. Writes are atomic (temp file, then rename). `signedUrl` asks the backend for a
 * link it can check (an HMAC over path and expiry), as Cloud Storage's V4 signed URLs are.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore } from '../../lib/blobs/types.js';
import { writeAtomic } from './files.js';

/** Makes a time-limited read link for an object (the local backend's signed-URL route). */
export type BlobSigner = (path: string, expiresInMs: number) => string;

const META = '.meta.json';

export class FileBlobStore implements BlobStore {
  private readonly objects: string;

  constructor(
    dir: string,
    private readonly signer: BlobSigner,
  ) {
    this.objects = join(dir, 'objects');
    mkdirSync(this.objects, { recursive: true });
  }

  private file(path: string): string {
    if (!path || path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '.')) {
      throw new Error(`Not an object path: ${path}`);
    }
    return join(this.objects, encodeURIComponent(path));
  }

  async save(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.file(path);
    writeAtomic(file + META, JSON.stringify({ contentType }));
    writeAtomic(file, bytes);
  }

  async read(path: string) {
    const file = this.file(path);
    if (!existsSync(file)) return null;
    const meta = existsSync(file + META)
      ? (JSON.parse(readFileSync(file + META, 'utf8')) as { contentType?: string })
      : {};
    return {
      bytes: new Uint8Array(readFileSync(file)),
      contentType: meta.contentType ?? 'application/octet-stream',
    };
  }

  async delete(path: string): Promise<void> {
    const file = this.file(path);
    rmSync(file, { force: true });
    rmSync(file + META, { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const names = await this.list(prefix);
    for (const name of names) await this.delete(name);
    return names.length;
  }

  async list(prefix: string): Promise<string[]> {
    return readdirSync(this.objects)
      .filter((f) => !f.endsWith(META) && !f.endsWith('.tmp'))
      .map((f) => decodeURIComponent(f))
      .filter((name) => name.startsWith(prefix))
      .sort();
  }

  async signedUrl(path: string, expiresInMs: number): Promise<string> {
    if (!existsSync(this.file(path))) throw new Error(`No such object: ${path}`);
    return this.signer(path, expiresInMs);
  }
}
