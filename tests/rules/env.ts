// Runs rules-table rows against the Firestore and Storage emulators with
// @firebase/rules-unit-testing (compat SDK instances, as the library hands them out).
import { readFileSync } from 'node:fs';
import {
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
import { DELETE_FIELD } from './cases.js';
import { FIRESTORE_SEED, STORAGE_SEED } from './fixtures.js';
import type { QuerySpec } from './queries.js';
import { ACTOR_UID, type Actor } from './table.js';

type Db = ReturnType<RulesTestContext['firestore']>;
type Query = ReturnType<Db['collectionGroup']>;
type Bucket = ReturnType<RulesTestContext['storage']>;

const rootFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

/** The test environment against the emulators started by `firebase emulators:exec`. */
export function openRulesEnvironment(): Promise<RulesTestEnvironment> {
  return initializeTestEnvironment({
    projectId: 'demo-mimicit',
    firestore: { rules: rootFile('firestore.rules'), host: '127.0.0.1', port: 8080 },
    storage: { rules: rootFile('storage.rules'), host: '127.0.0.1', port: 9199 },
  });
}

export function contextFor(env: RulesTestEnvironment, actor: Actor): RulesTestContext {
  const uid = ACTOR_UID[actor];
  return uid ? env.authenticatedContext(uid) : env.unauthenticatedContext();
}

/** Clears Firestore and writes every seed document except `skipPath` (a row about to create it). */
export async function seedFirestore(env: RulesTestEnvironment, skipPath?: string): Promise<void> {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    const batch = db.batch();
    for (const [path, data] of Object.entries(FIRESTORE_SEED))
      if (path !== skipPath) batch.set(db.doc(path), data);
    await batch.commit();
  });
}

/** Clears Storage and uploads every seed object except `skipPath`. */
export async function seedStorage(env: RulesTestEnvironment, skipPath?: string): Promise<void> {
  await env.clearStorage();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const bucket = ctx.storage();
    for (const path of STORAGE_SEED)
      if (path !== skipPath) await bucket.ref(path).putString('seed', 'raw', { contentType: 'image/png' });
  });
}

/** Swaps the DELETE_FIELD marker for the SDK's delete sentinel. */
export function withSentinels(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      v === DELETE_FIELD ? firebase.firestore.FieldValue.delete() : v,
    ]),
  );
}

export function buildQuery(db: Db, spec: QuerySpec): Query {
  let q: Query = spec.group ? db.collectionGroup(spec.collection) : db.collection(spec.collection);
  for (const [field, op, value] of spec.where ?? []) q = q.where(field, op, value);
  for (const [field, direction] of spec.orderBy ?? []) q = q.orderBy(field, direction);
  if (spec.startAfter !== undefined) q = q.startAfter(spec.startAfter);
  if (spec.limit !== undefined) q = q.limit(spec.limit);
  return q;
}

/** One Storage operation as a promise (uploads are tasks; `then` makes them promises). */
export function storageOperation(bucket: Bucket, op: string, objectPath: string, listPrefix: string) {
  const ref = bucket.ref(objectPath);
  switch (op) {
    case 'get':
      return ref.getMetadata();
    case 'list':
      return bucket.ref(listPrefix).list({ maxResults: 10 });
    case 'create':
      return ref.putString('client bytes', 'raw', { contentType: 'image/png' }).then((s) => s.metadata);
    case 'update':
      return ref.updateMetadata({ customMetadata: { touchedBy: 'client' } });
    case 'delete':
      return ref.delete();
    default:
      throw new Error(`unknown storage operation ${op}`);
  }
}
