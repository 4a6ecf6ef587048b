// The rules table as data: every Firestore collection and Cloud Storage path × actor × operation
// with its expected outcome. The emulator tier runs every row (firestore.rules.test.ts,
// storage.rules.test.ts), the offline tier runs the get, list and update rows against local
// mode's read side (tests/offline/local-rules.test.ts) and checks that the table covers every
// collection of the registry and every storage path, and agrees with the rules files
// (tests/offline/rules-model.test.ts).
import { collections, storagePaths, MODEL_OVERRIDES_ID, type CollectionName } from '@mimicit/shared';
import {
  OTHER_UID,
  OWNER_UID,
  SOURCES_PREFIX,
  UNKNOWN_COLLECTION,
  UNKNOWN_SUBCOLLECTION,
} from './fixtures.js';
import { HISTORY_QUERY, LEDGER_QUERY, type QuerySpec } from './queries.js';

export const ACTORS = ['owner', 'other', 'signedOut'] as const;
export type Actor = (typeof ACTORS)[number];

export const OPERATIONS = ['get', 'list', 'create', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Uid each actor signs in with (null: signed out). */
export const ACTOR_UID: Readonly<Record<Actor, string | null>> = {
  owner: OWNER_UID,
  other: OTHER_UID,
  signedOut: null,
};

export interface FirestoreTarget {
  /** Which collection this target stands for (a registry name, or a label for the rest). */
  collection: string;
  /** The owner's document: read, updated and deleted as seeded, created when absent. */
  docPath: string;
  /** The query `list` runs. */
  list: QuerySpec;
  /** Full document a client tries to create. */
  create: Record<string, unknown>;
  /** The most harmless change a client could try. */
  update: Record<string, unknown>;
  /** Operations the owner may do; everyone else may do nothing. */
  ownerMay: readonly Operation[];
}

const plainList = (collection: string): QuerySpec => ({ collection, limit: 20 });

/**
 * One target per collection of the registry, keyed by its name: a collection added to the
 * registry fails to compile here until it has its rows. `ownerMay` is written out, not derived,
 * so the table is a second statement of the access the registry declares (rules-model.test.ts
 * checks the two agree, and the rules files against the table).
 */
export const COLLECTION_TARGETS: { readonly [K in CollectionName]: Omit<FirestoreTarget, 'collection'> } = {
  users: {
    docPath: collections.users.doc(OWNER_UID),
    list: plainList(collections.users.in()),
    create: { locale: 'en', settings: {}, credits: 1000 },
    update: { locale: 'ja' },
    ownerMay: ['get', 'update'],
  },
  generations: {
    docPath: collections.generations.doc(OWNER_UID, 'gen-1'),
    list: HISTORY_QUERY,
    create: { kind: 'image', status: 'succeeded', model: 'gpt-image', cost: 0, favorite: false },
    update: { favorite: true },
    ownerMay: ['get', 'list', 'update'],
  },
  ledger: {
    docPath: collections.ledger.doc(OWNER_UID, 'entry-1'),
    list: LEDGER_QUERY,
    create: { delta: 1000, reason: 'grant', ref: 'self', balanceAfter: 1025 },
    update: { delta: 1000 },
    ownerMay: ['get', 'list'],
  },
  payments: {
    docPath: collections.payments.doc('cs_test_1'),
    list: plainList(collections.payments.in()),
    create: { uid: OWNER_UID, credits: 600, status: 'paid' },
    update: { status: 'refunded' },
    ownerMay: [],
  },
  stripeEvents: {
    docPath: collections.stripeEvents.doc('evt_1'),
    list: plainList(collections.stripeEvents.in()),
    create: { type: 'checkout.session.completed' },
    update: { type: 'ignored' },
    ownerMay: [],
  },
  accessLogs: {
    docPath: collections.accessLogs.doc('log-1'),
    list: plainList(collections.accessLogs.in()),
    create: { uid: OWNER_UID, operation: 'forged' },
    update: { ip: null },
    ownerMay: [],
  },
  stripeCustomers: {
    docPath: collections.stripeCustomers.doc(OWNER_UID),
    list: plainList(collections.stripeCustomers.in()),
    create: { customerId: 'cus_forged' },
    update: { customerId: 'cus_forged' },
    ownerMay: [],
  },
  modelOverrides: {
    docPath: collections.modelOverrides.doc(MODEL_OVERRIDES_ID),
    list: plainList(collections.modelOverrides.in()),
    create: { models: { 'gpt-image': { cost: 1 } } },
    update: { models: { 'gpt-image': { cost: 1 } } },
    ownerMay: [],
  },
  modelStatus: {
    docPath: collections.modelStatus.doc('gpt-image'),
    list: plainList(collections.modelStatus.in()),
    create: { state: 'retired', providerModel: 'x' },
    update: { providerModel: 'y' },
    ownerMay: [],
  },
  accountTombstones: {
    docPath: collections.accountTombstones.doc('0'.repeat(64)),
    list: plainList(collections.accountTombstones.in()),
    create: { purgedAt: new Date() },
    update: { purgedAt: new Date() },
    ownerMay: [],
  },
};

export const FIRESTORE_TARGETS: readonly FirestoreTarget[] = [
  ...Object.entries(COLLECTION_TARGETS).map(([collection, target]) => ({ collection, ...target })),
  {
    collection: 'users/{uid}/(unknown subcollection)',
    docPath: `${UNKNOWN_SUBCOLLECTION}/s1`,
    list: plainList(UNKNOWN_SUBCOLLECTION),
    create: { note: 'x' },
    update: { note: 'y' },
    ownerMay: [],
  },
  {
    collection: '(any other collection)',
    docPath: `${UNKNOWN_COLLECTION}/m1`,
    list: plainList(UNKNOWN_COLLECTION),
    create: { note: 'x' },
    update: { note: 'y' },
    ownerMay: [],
  },
];

/** Storage path builders, named so the offline tier can check each one is covered. */
export type StoragePathKey = keyof typeof storagePaths;

export interface StorageTarget {
  /** What the object is. */
  label: string;
  /** The storagePaths builders this target exercises. */
  pathKeys: readonly StoragePathKey[];
  /** The owner's object (seeded, except when a row creates it). */
  objectPath: string;
  /** The folder `list` lists. */
  listPrefix: string;
  ownerMay: readonly Operation[];
}

export const STORAGE_TARGETS: readonly StorageTarget[] = [
  {
    label: 'generated image',
    pathKeys: ['generationImage', 'generationPrefix'],
    objectPath: storagePaths.generationImage(OWNER_UID, 'gen-1', 'png'),
    listPrefix: storagePaths.generationPrefix(OWNER_UID),
    ownerMay: ['get'],
  },
  {
    label: 'generated image thumbnail',
    pathKeys: ['generationThumbnail'],
    objectPath: storagePaths.generationThumbnail(OWNER_UID, 'gen-1'),
    listPrefix: storagePaths.generationPrefix(OWNER_UID),
    ownerMay: ['get'],
  },
  {
    label: 'data export',
    pathKeys: ['exportFile', 'exportPrefix', 'exportsRoot'],
    objectPath: storagePaths.exportFile(OWNER_UID, 'mimicit-export.json'),
    listPrefix: storagePaths.exportPrefix(OWNER_UID),
    ownerMay: ['get'],
  },
  {
    label: 'other object in the user folder',
    pathKeys: ['userPrefix'],
    objectPath: `${storagePaths.userPrefix(OWNER_UID)}avatar.png`,
    listPrefix: storagePaths.userPrefix(OWNER_UID),
    ownerMay: [],
  },
  {
    label: 'anywhere else (e.g. source images, never stored)',
    pathKeys: [],
    objectPath: `${SOURCES_PREFIX}source.png`,
    listPrefix: SOURCES_PREFIX,
    ownerMay: [],
  },
];

export interface AccessRow<T> {
  target: T;
  actor: Actor;
  op: Operation;
  allowed: boolean;
}

function matrix<T extends { ownerMay: readonly Operation[] }>(targets: readonly T[]): AccessRow<T>[] {
  return targets.flatMap((target) =>
    ACTORS.flatMap((actor) =>
      OPERATIONS.map((op) => ({
        target,
        actor,
        op,
        allowed: actor === 'owner' && target.ownerMay.includes(op),
      })),
    ),
  );
}

/** Firestore: every target × actor × operation. */
export const FIRESTORE_ROWS: readonly AccessRow<FirestoreTarget>[] = matrix(FIRESTORE_TARGETS);

/** Cloud Storage: every target × actor × operation. */
export const STORAGE_ROWS: readonly AccessRow<StorageTarget>[] = matrix(STORAGE_TARGETS);

/** One line per row, for test names and the closing note. */
export function rowTitle(label: string, actor: Actor, op: Operation, allowed: boolean): string {
  return `${label}: ${actor} ${op} → ${allowed ? 'allowed' : 'denied'}`;
}
