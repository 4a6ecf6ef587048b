/**
 * The data-access dependencies every feature uses, built lazily on first use so a cold start
 * only pays for what it touches. Tests swap them with {@link setDeps}.
 */
import type { Store } from './store/types.js';
import type { BlobStore } from './blobs/types.js';
import { systemClock, type Clock } from './clock.js';

export interface Deps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
}

let overrides: Partial<Deps> = {};
const built: Partial<Deps> = {};

export async function getDeps(): Promise<Deps> {
  const store = overrides.store ?? (built.store ??= await buildStore());
  const blobs = overrides.blobs ?? (built.blobs ??= await buildBlobs());
  return { store, blobs, clock: overrides.clock ?? systemClock };
}

/** Test hook: replace some dependencies; call with `{}` to restore the real ones. */
export function setDeps(next: Partial<Deps>): void {
  overrides = next;
}

/**
 * The callable test tier (tests/callable) runs the Functions emulator without a Firestore
 * emulator on machines without Java 21+, and sets MIMICIT_STORE=memory so calls do not wait on a
 * production Firestore the demo project cannot reach: each function worker then has its own
 * in-memory store. Never honoured outside the emulator. (Local mode does not use this: its entry
 * point, functions/src/local/main.ts, hands every function one shared persisted store through
 * {@link setDeps}.)
 */
function memoryMode(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true' && process.env.MIMICIT_STORE === 'memory';
}

async function buildStore(): Promise<Store> {
  if (memoryMode()) {
    const { MemoryStore } = await import('./store/memory-store.js');
    return new MemoryStore();
  }
  const { FirestoreStore } = await import('./store/firestore-store.js');
  const { firestore } = await import('./admin.js');
  return new FirestoreStore(firestore());
}

async function buildBlobs(): Promise<BlobStore> {
  if (memoryMode()) {
    const { MemoryBlobStore } = await import('./blobs/memory-blobs.js');
    return new MemoryBlobStore();
  }
  const { GcsBlobStore } = await import('./blobs/gcs-blobs.js');
  return new GcsBlobStore();
}
