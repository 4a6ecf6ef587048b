import type { BlobStore } from './types.js';

/** In-memory {@link BlobStore} for offline tests. */
export class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { bytes: Uint8Array; contentType: string }>();

  async save(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(path, { bytes: new Uint8Array(bytes), contentType });
  }
  async read(path: string) {
    return this.objects.get(path) ?? null;
  }
  async delete(path: string): Promise<void> {
    this.objects.delete(path);
  }
  async deletePrefix(prefix: string): Promise<number> {
    let n = 0;
    for (const key of [...this.objects.keys()]) if (key.startsWith(prefix) && this.objects.delete(key)) n++;
    return n;
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
  async signedUrl(path: string, expiresInMs: number): Promise<string> {
    if (!this.objects.has(path)) throw new Error(`No such object: ${path}`);
    return `memory://${path}?expires=${expiresInMs}`;
  }
}
