/**
 * Cloud Storage boundary for generated images and data exports. Source images never pass
 * through here: they are processed in memory only.
 */
export interface BlobStore {
  save(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when it does not exist. */
  read(path: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** Deletes an object; a missing object is not an error. */
  delete(path: string): Promise<void>;
  /** Deletes every object whose name starts with `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  list(prefix: string): Promise<string[]>;
  /** A time-limited read URL for the object. */
  signedUrl(path: string, expiresInMs: number): Promise<string>;
}
