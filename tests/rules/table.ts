// The rules table as data: every Firestore collection and Cloud Storage path × actor × operation
// with its expected outcome. The emulator tier runs every row (firestore.rules.test.ts,
// storage.rules.test.ts); the offline tier checks that the table covers every collection and
// storage path the shared package names (tests/offline/rules-table.test.ts).
import { COLLECTIONS, paths, storagePaths } from '@mimicit/shared';
import { OTHER_UID, OWNER_UID } from './fixtures.js';
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
  /** Which collection this target stands for (a COLLECTIONS value, or a label for the rest). */
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

export const FIRESTORE_TARGETS: readonly FirestoreTarget[] = [
  {
    collection: COLLECTIONS.users,
    docPath: paths.user(OWNER_UID),
    list: plainList(COLLECTIONS.users),
    create: { locale: 'en', settings: {}, credits: 1000 },
    update: { locale: 'ja' },
    ownerMay: ['get', 'update'],
  },
  {
    collection: COLLECTIONS.generations,
    docPath: paths.generation(OWNER_UID, 'gen-1'),
    list: HISTORY_QUERY,
    create: { kind: 'image', status: 'succeeded', model: 'gpt-image', cost: 0, favorite: false },
    update: { favorite: true },
    ownerMay: ['get', 'list', 'update'],
  },
  {
    collection: COLLECTIONS.ledger,
    docPath: paths.ledgerEntry(OWNER_UID, 'entry-1'),
    list: LEDGER_QUERY,
    create: { delta: 1000, reason: 'grant', ref: 'self', balanceAfter: 1025 },
    update: { delta: 1000 },
    ownerMay: ['get', 'list'],
  },
  {
    collection: COLLECTIONS.payments,
    docPath: paths.payment('cs_test_1'),
    list: plainList(COLLECTIONS.payments),
    create: { uid: OWNER_UID, credits: 600, status: 'paid' },
    update: { status: 'refunded' },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.stripeEvents,
    docPath: paths.stripeEvent('evt_1'),
    list: plainList(COLLECTIONS.stripeEvents),
    create: { type: 'checkout.session.completed' },
    update: { type: 'ignored' },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.accessLogs,
    docPath: paths.accessLog('log-1'),
    list: plainList(COLLECTIONS.accessLogs),
    create: { uid: OWNER_UID, operation: 'forged' },
    update: { ip: null },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.stripeCustomers,
    docPath: paths.stripeCustomer(OWNER_UID),
    list: plainList(COLLECTIONS.stripeCustomers),
    create: { customerId: 'cus_forged' },
    update: { customerId: 'cus_forged' },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.modelOverrides,
    docPath: paths.modelOverrides(),
    list: plainList(COLLECTIONS.modelOverrides),
    create: { models: { 'gpt-image': { cost: 1 } } },
    update: { models: { 'gpt-image': { cost: 1 } } },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.modelStatus,
    docPath: paths.modelStatus('gpt-image'),
    list: plainList(COLLECTIONS.modelStatus),
    create: { state: 'retired', providerModel: 'x' },
    update: { providerModel: 'y' },
    ownerMay: [],
  },
  {
    collection: COLLECTIONS.accountTombstones,
    docPath: paths.accountTombstone('0'.repeat(64)),
    list: plainList(COLLECTIONS.accountTombstones),
    create: { purgedAt: new Date() },
    update: { purgedAt: new Date() },
    ownerMay: [],
  },
  {
    collection: 'users/{uid}/(unknown subcollection)',
    docPath: `${paths.user(OWNER_UID)}/secrets/s1`,
    list: plainList(`${paths.user(OWNER_UID)}/secrets`),
    create: { note: 'x' },
    update: { note: 'y' },
    ownerMay: [],
  },
  {
    collection: '(any other collection)',
    docPath: 'misc/m1',
    list: plainList('misc'),
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
    pathKeys: ['exportFile', 'exportPrefix'],
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
    objectPath: `sources/${OWNER_UID}/source.png`,
    listPrefix: `sources/${OWNER_UID}/`,
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
