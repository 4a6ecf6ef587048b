// Field-level and query cases on top of the access matrix in table.ts: what exactly a client
// may change, and which of the product's queries the rules accept as a whole.
import { collections } from '@mimicit/shared';
import { OTHER_UID, OWNER_UID } from './fixtures.js';
import { CLIENT_QUERIES, HISTORY_QUERY, type QuerySpec } from './queries.js';
import type { Actor } from './table.js';

/** Stands for the SDK's "delete this field" sentinel (the runner swaps it in). */
export const DELETE_FIELD = Symbol('deleteField');

export interface FieldCase {
  name: string;
  actor: Actor;
  /** `update` = updateDoc on a seeded doc; `create` = setDoc on a missing one. */
  op: 'update' | 'create';
  path: string;
  data: Record<string, unknown>;
  allowed: boolean;
}

const me = collections.users.doc(OWNER_UID);
const gen = collections.generations.doc(OWNER_UID, 'gen-1');
const long = 'm'.repeat(65);
const fullSettings = {
  promptStyle: 'tags',
  promptLanguage: 'ja',
  defaultPromptModel: 'gpt-vision',
  defaultImageModel: 'flux-dev',
};
const forgedGeneration = { kind: 'image', status: 'succeeded', cost: 0, favorite: true };
const forgedGrant = { delta: 500, reason: 'grant', ref: 'self', balanceAfter: 525, createdAt: new Date() };

/** The owner updates a seeded document. */
const update = (name: string, path: string, data: FieldCase['data'], allowed: boolean): FieldCase => ({
  name,
  actor: 'owner',
  op: 'update',
  path,
  data,
  allowed,
});

/** The owner creates a document that does not exist yet. */
const create = (name: string, path: string, data: FieldCase['data']): FieldCase => ({
  name,
  actor: 'owner',
  op: 'create',
  path,
  data,
  allowed: false,
});

export const FIELD_CASES: readonly FieldCase[] = [
  // users/{uid}: only locale (en|ja) and settings (known keys, typed)
  update('owner sets locale to ja', me, { locale: 'ja' }, true),
  update('owner changes locale and all settings', me, { locale: 'ja', settings: fullSettings }, true),
  update('owner clears settings to {}', me, { settings: {} }, true),
  update('locale to unsupported fr', me, { locale: 'fr' }, false),
  update('locale to a number', me, { locale: 1 }, false),
  update('credits raised', me, { credits: 1_000_000 }, false),
  update('credits smuggled with a locale change', me, { locale: 'ja', credits: 999 }, false),
  update('signupGranted reset', me, { signupGranted: false }, false),
  update('email changed', me, { email: 'x@example.com' }, false),
  update('purgeAfter set', me, { purgeAfter: new Date() }, false),
  update('settings with an unknown key', me, { settings: { theme: 'dark' } }, false),
  update('settings.promptStyle unknown', me, { settings: { promptStyle: 'poem' } }, false),
  update('settings.promptLanguage unsupported', me, { settings: { promptLanguage: 'de' } }, false),
  update('settings.defaultImageModel too long', me, { settings: { defaultImageModel: long } }, false),
  update('settings.defaultPromptModel not a string', me, { settings: { defaultPromptModel: 42 } }, false),
  update('settings not a map', me, { settings: 'all' }, false),
  update('settings removed', me, { settings: DELETE_FIELD }, false),
  update("owner writes another user's locale", collections.users.doc(OTHER_UID), { locale: 'en' }, false),
  create('owner creates a user doc for a new uid', collections.users.doc('mallory'), {
    locale: 'en',
    credits: 0,
  }),
  // users/{uid}/generations/{id}: only favorite (bool)
  update(
    'owner unfavorites a favorite',
    collections.generations.doc(OWNER_UID, 'gen-2'),
    { favorite: false },
    true,
  ),
  update('favorite as a string', gen, { favorite: 'yes' }, false),
  update('favorite as null', gen, { favorite: null }, false),
  update('favorite removed', gen, { favorite: DELETE_FIELD }, false),
  update('status to failed', gen, { status: 'failed' }, false),
  update('cost to 0', gen, { cost: 0 }, false),
  update('images replaced', gen, { images: [] }, false),
  update('refunded flipped', gen, { refunded: true }, false),
  update('favorite with a status change', gen, { favorite: true, status: 'pending' }, false),
  update(
    "favorite on another user's generation",
    collections.generations.doc(OTHER_UID, 'gen-9'),
    { favorite: true },
    false,
  ),
  create(
    'owner creates a succeeded generation',
    collections.generations.doc(OWNER_UID, 'forged'),
    forgedGeneration,
  ),
  // users/{uid}/ledger/{id}: read-only
  create('owner creates a ledger grant', collections.ledger.doc(OWNER_UID, 'forged-grant'), forgedGrant),
  update(
    'owner edits a ledger entry',
    collections.ledger.doc(OWNER_UID, 'entry-1'),
    { balanceAfter: 9999 },
    false,
  ),
];

export interface QueryCase {
  name: string;
  actor: Actor;
  query: QuerySpec;
  allowed: boolean;
}

const otherGenerations = collections.generations.in(OTHER_UID);

export const QUERY_CASES: readonly QueryCase[] = [
  ...Object.entries(CLIENT_QUERIES).map(([name, query]) => ({
    name: `owner runs ${name}`,
    actor: 'owner' as const,
    query,
    allowed: true,
  })),
  ...Object.entries(CLIENT_QUERIES).map(([name, query]) => ({
    name: `signed out runs ${name}`,
    actor: 'signedOut' as const,
    query,
    allowed: false,
  })),
  {
    name: "owner lists another user's history",
    actor: 'owner',
    query: { ...HISTORY_QUERY, collection: otherGenerations },
    allowed: false,
  },
  {
    name: "other user runs the owner's favorites",
    actor: 'other',
    query: CLIENT_QUERIES.favorites ?? HISTORY_QUERY,
    allowed: false,
  },
  {
    name: 'owner queries the generations collection group',
    actor: 'owner',
    query: {
      collection: collections.generations.group,
      group: true,
      where: [['status', '==', 'pending']],
      limit: 20,
    },
    allowed: false,
  },
  {
    name: 'owner queries users for their own uid field',
    actor: 'owner',
    query: { collection: collections.users.in(), where: [['email', '==', 'user@example.com']], limit: 1 },
    allowed: false,
  },
  {
    name: 'owner queries payments by uid',
    actor: 'owner',
    query: { collection: collections.payments.in(), where: [['uid', '==', OWNER_UID]], limit: 20 },
    allowed: false,
  },
];
