/**
 * THE collection registry: every Firestore collection the product uses, in one place. Adding a
 * collection starts here — declare it below and the compiler, then the tests, walk you through
 * the rest (README "Contributing: add a collection"): its rules rows (tests/rules/table.ts), its
 * seed document (tests/rules/fixtures.ts), where the export and the purge take it (or why not),
 * and a TTL policy in firestore.indexes.json when it names a TTL field.
 *
 * Each entry says what its documents look like (zod, validated wherever they are read), who may
 * read and write them (firestore.rules implements this; the local backend enforces it from
 * here), when they expire and what account deletion does with them.
 */
import { z } from 'zod';
import { defineCollection, type AnyCollectionDef } from './define.js';
import {
  accessLogDocSchema,
  accountTombstoneDocSchema,
  generationDocSchema,
  ledgerEntrySchema,
  LOCALES,
  paymentDocSchema,
  stripeCustomerDocSchema,
  stripeEventDocSchema,
  userDocSchema,
  userSettingsSchema,
} from '../docs.js';
import { modelOverridesDocSchema, modelStatusDocSchema } from '../runtime-catalog.js';

export const collections = {
  users: defineCollection({
    name: 'users',
    level: 'top',
    schema: userDocSchema,
    // firestore.rules: `locale` in LOCALES, `settings` with known keys only, nothing else.
    client: {
      read: 'owner',
      list: false,
      writes: z.object({ locale: z.enum(LOCALES), settings: z.strictObject(userSettingsSchema.shape) }),
    },
    ttl: { none: 'the profile lives as long as the account' },
    account: { holds: 'personal', at: 'profile', export: 'included', purge: 'delete' },
  }),
  generations: defineCollection({
    name: 'generations',
    level: 'user',
    schema: generationDocSchema,
    client: { read: 'owner', list: true, writes: z.object({ favorite: z.boolean() }) },
    ttl: {
      none: 'History is kept until the person deletes it; `expiresAt` is the sweeper’s deadline for a pending generation, not a TTL',
    },
    account: { holds: 'personal', at: 'under-user', export: 'included', purge: 'delete' },
  }),
  ledger: defineCollection({
    name: 'ledger',
    level: 'user',
    schema: ledgerEntrySchema,
    client: { read: 'owner', list: true, writes: null },
    ttl: { none: 'the credit history lives as long as the account' },
    account: { holds: 'personal', at: 'under-user', export: 'included', purge: 'delete' },
  }),
  payments: defineCollection({
    name: 'payments',
    level: 'top',
    schema: paymentDocSchema,
    client: { read: 'none' },
    ttl: { field: 'expireAt' },
    account: {
      holds: 'personal',
      at: { ownerField: 'uid' },
      export: 'included',
      purge: { minimize: 'kept for tax law until expireAt (7 years), the uid replaced by a keyed hash' },
    },
  }),
  stripeEvents: defineCollection({
    name: 'stripeEvents',
    level: 'top',
    schema: stripeEventDocSchema,
    client: { read: 'none' },
    ttl: { field: 'expireAt' },
    account: { holds: 'nothing-personal', why: 'an event id, its type and times: no uid, no amount' },
  }),
  accessLogs: defineCollection({
    name: 'accessLogs',
    level: 'top',
    schema: accessLogDocSchema,
    client: { read: 'none' },
    ttl: { field: 'expireAt' },
    account: { holds: 'personal', at: { ownerField: 'uid' }, export: 'included', purge: 'delete' },
  }),
  stripeCustomers: defineCollection({
    name: 'stripeCustomers',
    level: 'top',
    schema: stripeCustomerDocSchema,
    client: { read: 'none' },
    ttl: { none: 'needed for every later checkout of the account' },
    account: {
      holds: 'personal',
      at: 'owner-id',
      export: {
        omitted: 'Stripe’s internal customer id, not data about the person; their payments are exported',
      },
      purge: 'delete',
    },
  }),
  modelOverrides: defineCollection({
    name: 'modelOverrides',
    level: 'top',
    schema: modelOverridesDocSchema,
    client: { read: 'none' },
    ttl: { none: 'the operator’s catalog changes, kept until the operator changes them' },
    account: { holds: 'nothing-personal', why: 'the operator’s catalog overrides' },
  }),
  modelStatus: defineCollection({
    name: 'modelStatus',
    level: 'top',
    schema: modelStatusDocSchema,
    client: { read: 'none' },
    ttl: { none: 'a retirement mark stays until an operator re-points or clears the model' },
    account: { holds: 'nothing-personal', why: 'retirement marks of models' },
  }),
  accountTombstones: defineCollection({
    name: 'accountTombstones',
    level: 'top',
    schema: accountTombstoneDocSchema,
    client: { read: 'none' },
    ttl: { field: 'expireAt' },
    account: {
      holds: 'nothing-personal',
      why: 'keyed by a keyed hash of a purged uid (no personal data in clear) and two dates',
    },
  }),
} as const satisfies Record<string, AnyCollectionDef>;

type Registry = typeof collections;

/** The registry's keys, which are also the collections' ids. */
export type CollectionName = keyof Registry;

/** The stored document of collection `K`. */
export type DocOf<K extends CollectionName> = z.output<Registry[K]['schema']>;

/** Collections that hold someone's personal data (account deletion must handle each). */
export type PersonalCollection = {
  [K in CollectionName]: Registry[K]['account'] extends { holds: 'personal' } ? K : never;
}[CollectionName];

/** Collections the data export carries. */
export type ExportedCollection = {
  [K in CollectionName]: Registry[K]['account'] extends { export: 'included' } ? K : never;
}[CollectionName];

/** Collections the purge keeps, minimized, instead of deleting. */
export type MinimizedCollection = {
  [K in CollectionName]: Registry[K]['account'] extends { purge: { minimize: string } } ? K : never;
}[CollectionName];

/** Every collection of the registry. */
export const COLLECTION_DEFS: readonly AnyCollectionDef[] = Object.values(collections);

/** The id of the operator's one runtime-catalog document, `modelOverrides/catalog`. */
export const MODEL_OVERRIDES_ID = 'catalog';
