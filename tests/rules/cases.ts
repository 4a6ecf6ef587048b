// Field-level and query cases on top of the access matrix in table.ts: what exactly a client
// may change, and which of the product's queries the rules accept as a whole.
import { paths } from '@mimicit/shared';
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

const me = paths.user(OWNER_UID);
const gen = paths.generation(OWNER_UID, 'gen-1');
const long = 'm'.repeat(65);

export const FIELD_CASES: readonly FieldCase[] = [
  // users/{uid}
  {
    name: 'owner sets locale to ja',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { locale: 'ja' },
    allowed: true,
  },
  {
    name: 'owner changes locale and settings together',
    actor: 'owner',
    op: 'update',
    path: me,
    data: {
      locale: 'ja',
      settings: { promptStyle: 'tags', promptLanguage: 'ja', defaultPromptModel: 'gpt-vision' },
    },
    allowed: true,
  },
  {
    name: 'owner clears settings to {}',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: {} },
    allowed: true,
  },
  {
    name: 'locale to unsupported fr',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { locale: 'fr' },
    allowed: false,
  },
  { name: 'locale to a number', actor: 'owner', op: 'update', path: me, data: { locale: 1 }, allowed: false },
  {
    name: 'credits raised',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { credits: 1_000_000 },
    allowed: false,
  },
  {
    name: 'credits smuggled with a locale change',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { locale: 'ja', credits: 999 },
    allowed: false,
  },
  {
    name: 'signupGranted reset',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { signupGranted: false },
    allowed: false,
  },
  {
    name: 'email changed',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { email: 'x@example.com' },
    allowed: false,
  },
  {
    name: 'purgeAfter set',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { purgeAfter: new Date() },
    allowed: false,
  },
  {
    name: 'settings with an unknown key',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: { theme: 'dark' } },
    allowed: false,
  },
  {
    name: 'settings.promptStyle unknown',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: { promptStyle: 'poem' } },
    allowed: false,
  },
  {
    name: 'settings.promptLanguage unsupported',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: { promptLanguage: 'de' } },
    allowed: false,
  },
  {
    name: 'settings.defaultImageModel too long',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: { defaultImageModel: long } },
    allowed: false,
  },
  {
    name: 'settings.defaultPromptModel not a string',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: { defaultPromptModel: 42 } },
    allowed: false,
  },
  {
    name: 'settings not a map',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: 'all' },
    allowed: false,
  },
  {
    name: 'settings removed',
    actor: 'owner',
    op: 'update',
    path: me,
    data: { settings: DELETE_FIELD },
    allowed: false,
  },
  {
    name: "owner writes another user's locale",
    actor: 'owner',
    op: 'update',
    path: paths.user(OTHER_UID),
    data: { locale: 'en' },
    allowed: false,
  },
  {
    name: 'owner creates a user doc for a new uid',
    actor: 'owner',
    op: 'create',
    path: paths.user('mallory'),
    data: { locale: 'en', settings: {}, credits: 0 },
    allowed: false,
  },
  // users/{uid}/generations/{id}
  {
    name: 'owner unfavorites a favorite',
    actor: 'owner',
    op: 'update',
    path: paths.generation(OWNER_UID, 'gen-2'),
    data: { favorite: false },
    allowed: true,
  },
  {
    name: 'favorite as a string',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { favorite: 'yes' },
    allowed: false,
  },
  {
    name: 'favorite as null',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { favorite: null },
    allowed: false,
  },
  {
    name: 'favorite removed',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { favorite: DELETE_FIELD },
    allowed: false,
  },
  {
    name: 'status to failed',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { status: 'failed' },
    allowed: false,
  },
  { name: 'cost to 0', actor: 'owner', op: 'update', path: gen, data: { cost: 0 }, allowed: false },
  { name: 'images replaced', actor: 'owner', op: 'update', path: gen, data: { images: [] }, allowed: false },
  {
    name: 'refunded flipped',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { refunded: true },
    allowed: false,
  },
  {
    name: 'favorite with a status change',
    actor: 'owner',
    op: 'update',
    path: gen,
    data: { favorite: true, status: 'pending' },
    allowed: false,
  },
  {
    name: "favorite on another user's generation",
    actor: 'owner',
    op: 'update',
    path: paths.generation(OTHER_UID, 'gen-9'),
    data: { favorite: true },
    allowed: false,
  },
  {
    name: 'owner creates a succeeded generation',
    actor: 'owner',
    op: 'create',
    path: paths.generation(OWNER_UID, 'forged'),
    data: { kind: 'image', status: 'succeeded', cost: 0, favorite: true },
    allowed: false,
  },
  // users/{uid}/ledger/{id}
  {
    name: 'owner creates a ledger grant',
    actor: 'owner',
    op: 'create',
    path: paths.ledgerEntry(OWNER_UID, 'forged-grant'),
    data: { delta: 500, reason: 'grant', ref: 'self', balanceAfter: 525, createdAt: new Date() },
    allowed: false,
  },
  {
    name: 'owner edits a ledger entry',
    actor: 'owner',
    op: 'update',
    path: paths.ledgerEntry(OWNER_UID, 'entry-1'),
    data: { balanceAfter: 9999 },
    allowed: false,
  },
];

export interface QueryCase {
  name: string;
  actor: Actor;
  query: QuerySpec;
  allowed: boolean;
}

const otherGenerations = `${paths.user(OTHER_UID)}/generations`;

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
    query: { collection: 'generations', group: true, where: [['status', '==', 'pending']], limit: 20 },
    allowed: false,
  },
  {
    name: 'owner queries users for their own uid field',
    actor: 'owner',
    query: { collection: 'users', where: [['email', '==', 'user@example.com']], limit: 1 },
    allowed: false,
  },
  {
    name: 'owner queries payments by uid',
    actor: 'owner',
    query: { collection: 'payments', where: [['uid', '==', OWNER_UID]], limit: 20 },
    allowed: false,
  },
];
