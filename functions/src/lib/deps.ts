/**
 * The dependencies every feature uses, built lazily on first use so a cold start only pays for
 * what it touches: data access ({@link Deps}, handed to domain code) and the external services
 * and limits ({@link Services}, each built by its own module on first use). {@link setDeps} is
 * the one place tests (and local mode) replace any of them.
 */
import type { Stripe } from 'stripe';
import type { Store } from './store/types.js';
import type { BlobStore } from './blobs/types.js';
import { systemClock, type Clock } from './clock.js';
import type { ProviderRegistry } from '../generation/providers/types.js';
import type { PipelineOptions } from '../generation/options.js';
import type { AuthAdmin } from '../account/auth-admin.js';

export interface Deps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
}

/**
 * Services built by their own module on first use (so a function that never needs Stripe never
 * loads it): `providers` serves the provider adapters (generation/providers/registry.ts),
 * `pipeline` changes generation limits and the intake's fetch policy (generation/options.ts),
 * `auth` is the Auth admin (account/auth-admin.ts), `stripe` the API client
 * (billing/stripe-client.ts).
 */
export interface Services {
  providers: ProviderRegistry;
  pipeline: Partial<PipelineOptions>;
  auth: AuthAdmin;
  stripe: Stripe;
}

let overrides: Partial<Deps & Services> = {};
const built: Partial<Deps> = {};

export async function getDeps(): Promise<Deps> {
  const store = overrides.store ?? (built.store ??= await buildStore());
  const blobs = overrides.blobs ?? (built.blobs ??= await buildBlobs());
  return { store, blobs, clock: overrides.clock ?? systemClock };
}

/**
 * Replaces the named dependencies (an `undefined` value restores that one); the others stay as
 * they are. Tests and local mode's entry point only: production never calls it.
 */
export function setDeps(next: Partial<Deps & Services>): void {
  overrides = { ...overrides, ...next };
}

/** Restores every dependency to the real one (tests' `afterEach`). */
export function resetDeps(): void {
  overrides = {};
}

/** The replacement `setDeps` installed for a service, if any (read by the service's module). */
export function serviceOverride<K extends keyof Services>(key: K): Services[K] | undefined {
  return overrides[key];
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
