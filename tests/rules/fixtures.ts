// Documents and objects the rules tests seed (with rules disabled) before each row. They follow
// the shared document schemas; tests/offline/rules-table.test.ts checks that they still parse.
import { paths, storagePaths } from '@mimicit/shared';

/** The signed-in user who owns the seeded data. */
export const OWNER_UID = 'alice';
/** Another signed-in user. */
export const OTHER_UID = 'bob';

const created = new Date('2025-01-10T09:00:00.000Z');
const later = new Date('2025-01-10T09:00:30.000Z');

export function userDoc(locale: 'en' | 'ja' = 'en') {
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

export function generationDoc() {
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

export function ledgerEntry() {
  return { delta: -4, reason: 'generation', ref: 'gen-1', balanceAfter: 25, createdAt: later };
}

export function paymentDoc() {
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

export function stripeEventDoc() {
  return { type: 'checkout.session.completed', processedAt: created, expireAt: new Date('2025-04-10') };
}

export function accessLogDoc() {
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

export function stripeCustomerDoc() {
  return { customerId: 'cus_test_1', createdAt: created };
}

export function modelOverridesDoc() {
  return { models: { 'gpt-image': { cost: 7 } }, added: [], updatedAt: created };
}

export function modelStatusDoc() {
  return {
    state: 'retired',
    providerModel: 'gpt-image-2',
    detectedBy: 'call',
    detail: 'not found',
    at: created,
  };
}

export function accountTombstoneDoc() {
  return { purgedAt: created, expireAt: new Date('2026-01-10T09:00:00.000Z') };
}

/** Every seeded Firestore document by path: both users' data, so "other" has something too. */
export const FIRESTORE_SEED: Readonly<Record<string, Record<string, unknown>>> = {
  [paths.user(OWNER_UID)]: userDoc('en'),
  [paths.user(OTHER_UID)]: userDoc('ja'),
  [paths.generation(OWNER_UID, 'gen-1')]: generationDoc(),
  [paths.generation(OWNER_UID, 'gen-2')]: { ...generationDoc(), favorite: true, model: 'flux-dev' },
  [paths.generation(OTHER_UID, 'gen-9')]: generationDoc(),
  [paths.ledgerEntry(OWNER_UID, 'entry-1')]: ledgerEntry(),
  [paths.ledgerEntry(OTHER_UID, 'entry-9')]: ledgerEntry(),
  [`${paths.user(OWNER_UID)}/secrets/s1`]: { note: 'an unknown subcollection' },
  [paths.payment('cs_test_1')]: paymentDoc(),
  [paths.stripeEvent('evt_1')]: stripeEventDoc(),
  [paths.accessLog('log-1')]: accessLogDoc(),
  [paths.stripeCustomer(OWNER_UID)]: stripeCustomerDoc(),
  [paths.modelOverrides()]: modelOverridesDoc(),
  [paths.modelStatus('gpt-image')]: modelStatusDoc(),
  [paths.accountTombstone('0'.repeat(64))]: accountTombstoneDoc(),
  ['misc/m1']: { note: 'a collection the product does not use' },
};

/** Every seeded Cloud Storage object. */
export const STORAGE_SEED: readonly string[] = [
  storagePaths.generationImage(OWNER_UID, 'gen-1', 'png'),
  storagePaths.generationThumbnail(OWNER_UID, 'gen-1'),
  storagePaths.generationImage(OTHER_UID, 'gen-9', 'png'),
  storagePaths.exportFile(OWNER_UID, 'mimicit-export.json'),
  `${storagePaths.userPrefix(OWNER_UID)}avatar.png`,
  `sources/${OWNER_UID}/source.png`,
];
