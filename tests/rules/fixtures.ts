// Documents and objects the rules tests seed (with rules disabled) before each row. They are
// typed by the collection registry, and tests/offline/rules-model.test.ts checks that they parse.
import {
  collections,
  storagePaths,
  MODEL_OVERRIDES_ID,
  type CollectionName,
  type DocOf,
} from '@mimicit/shared';

/** The signed-in user who owns the seeded data. */
export const OWNER_UID = 'alice';
/** Another signed-in user. */
export const OTHER_UID = 'bob';

/** Paths outside the registry, which the rules' default deny must cover. */
export const UNKNOWN_SUBCOLLECTION = `${collections.users.doc(OWNER_UID)}/secrets`;
export const UNKNOWN_COLLECTION = 'misc';
/** Where source images would go if anything stored them (nothing does: the rules deny it). */
export const SOURCES_PREFIX = `sources/${OWNER_UID}/`;

const created = new Date('2025-01-10T09:00:00.000Z');
const later = new Date('2025-01-10T09:00:30.000Z');

export function userDoc(locale: 'en' | 'ja' = 'en'): DocOf<'users'> {
  return {
    displayName: 'Test User',
    email: 'user@example.com',
    photoURL: null,
    locale,
    settings: { promptStyle: 'natural', defaultImageModel: 'gpt-image' },
    credits: 25,
    signupGranted: true,
    createdAt: created,
    updatedAt: created,
  };
}

export function generationDoc(): DocOf<'generations'> {
  return {
    kind: 'image',
    status: 'succeeded',
    model: 'gpt-image',
    provider: 'openai',
    settings: {
      aspectRatio: '1:1',
      resolution: '1k',
      count: 1,
      withReference: true,
      referenceRoles: ['subject', 'plain'],
    },
    prompt: 'a cat in a paper boat',
    images: [
      {
        path: storagePaths.generationImage(OWNER_UID, 'gen-1', 'png'),
        contentType: 'image/png',
        width: 1024,
        height: 1024,
        bytes: 123_456,
        thumbnail: {
          path: storagePaths.generationThumbnail(OWNER_UID, 'gen-1'),
          contentType: 'image/webp',
          width: 320,
          height: 320,
          bytes: 9_876,
        },
      },
    ],
    searchTokens: ['cat', 'paper', 'boat', 'gpt-image'],
    cost: 4,
    refunded: false,
    favorite: false,
    requestId: 'req-1',
    createdAt: created,
    updatedAt: later,
    completedAt: later,
    expiresAt: new Date('2025-01-10T09:15:00.000Z'),
  };
}

export function ledgerEntry(): DocOf<'ledger'> {
  return { delta: -4, reason: 'generation', ref: 'gen-1', balanceAfter: 25, createdAt: later };
}

export function paymentDoc(): DocOf<'payments'> {
  return {
    uid: OWNER_UID,
    minimized: false,
    packId: 'starter',
    credits: 50,
    amount: 500,
    currency: 'jpy',
    status: 'paid',
    granted: true,
    createdAt: created,
    updatedAt: created,
    expireAt: new Date('2032-01-10T09:00:00.000Z'),
  };
}

export function stripeEventDoc(): DocOf<'stripeEvents'> {
  return { type: 'checkout.session.completed', processedAt: created, expireAt: new Date('2025-04-10') };
}

export function accessLogDoc(): DocOf<'accessLogs'> {
  return {
    uid: OWNER_UID,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    extensionVersion: '0.1.0',
    operation: 'generateImage',
    at: created,
    expireAt: new Date('2025-04-10'),
  };
}

export function stripeCustomerDoc(): DocOf<'stripeCustomers'> {
  return { customerId: 'cus_test_1', createdAt: created };
}

export function modelOverridesDoc(): DocOf<'modelOverrides'> {
  return { models: { 'gpt-image': { cost: 7 } }, added: [], updatedAt: created };
}

export function modelStatusDoc(): DocOf<'modelStatus'> {
  return {
    state: 'retired',
    providerModel: 'gpt-image-2',
    detectedBy: 'call',
    detail: 'not found',
    at: created,
  };
}

export function accountTombstoneDoc(): DocOf<'accountTombstones'> {
  return { purgedAt: created, expireAt: new Date('2026-01-10T09:00:00.000Z') };
}

/** One valid stored document per collection of the registry, typed by it (a new collection
 * fails to compile here until it has one). */
export const SEED_DOCS: { readonly [K in CollectionName]: () => DocOf<K> } = {
  users: () => userDoc('en'),
  generations: generationDoc,
  ledger: ledgerEntry,
  payments: paymentDoc,
  stripeEvents: stripeEventDoc,
  accessLogs: accessLogDoc,
  stripeCustomers: stripeCustomerDoc,
  modelOverrides: modelOverridesDoc,
  modelStatus: modelStatusDoc,
  accountTombstones: accountTombstoneDoc,
};

/** Every seeded Firestore document by path: both users' data, so "other" has something too. */
export const FIRESTORE_SEED: Readonly<Record<string, Record<string, unknown>>> = {
  [collections.users.doc(OWNER_UID)]: userDoc('en'),
  [collections.users.doc(OTHER_UID)]: userDoc('ja'),
  [collections.generations.doc(OWNER_UID, 'gen-1')]: generationDoc(),
  [collections.generations.doc(OWNER_UID, 'gen-2')]: {
    ...generationDoc(),
    favorite: true,
    model: 'flux-dev',
  },
  [collections.generations.doc(OTHER_UID, 'gen-9')]: generationDoc(),
  [collections.ledger.doc(OWNER_UID, 'entry-1')]: ledgerEntry(),
  [collections.ledger.doc(OTHER_UID, 'entry-9')]: ledgerEntry(),
  [`${UNKNOWN_SUBCOLLECTION}/s1`]: { note: 'an unknown subcollection' },
  [collections.payments.doc('cs_test_1')]: paymentDoc(),
  [collections.stripeEvents.doc('evt_1')]: stripeEventDoc(),
  [collections.accessLogs.doc('log-1')]: accessLogDoc(),
  [collections.stripeCustomers.doc(OWNER_UID)]: stripeCustomerDoc(),
  [collections.modelOverrides.doc(MODEL_OVERRIDES_ID)]: modelOverridesDoc(),
  [collections.modelStatus.doc('gpt-image')]: modelStatusDoc(),
  [collections.accountTombstones.doc('0'.repeat(64))]: accountTombstoneDoc(),
  [`${UNKNOWN_COLLECTION}/m1`]: { note: 'a collection the product does not use' },
};

/** Every seeded Cloud Storage object. */
export const STORAGE_SEED: readonly string[] = [
  storagePaths.generationImage(OWNER_UID, 'gen-1', 'png'),
  storagePaths.generationThumbnail(OWNER_UID, 'gen-1'),
  storagePaths.generationImage(OTHER_UID, 'gen-9', 'png'),
  storagePaths.exportFile(OWNER_UID, 'mimicit-export.json'),
  `${storagePaths.userPrefix(OWNER_UID)}avatar.png`,
  `${SOURCES_PREFIX}source.png`,
];
