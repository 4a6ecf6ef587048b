// The converter must work with both SDKs: real Timestamps from each are read back as Dates,
// and the converter is accepted by each SDK's `withConverter` (checked by tsc and at runtime).
// Nothing here talks to a server: refs are built locally and snapshots are plain objects.
import { describe, expect, it } from 'vitest';
import { initializeApp as initializeWebApp } from 'firebase/app';
import {
  Timestamp as WebTimestamp,
  doc as webDoc,
  getFirestore as getWebFirestore,
  serverTimestamp,
  type FirestoreDataConverter as WebConverter,
} from 'firebase/firestore';
import { initializeApp as initializeAdminApp } from 'firebase-admin/app';
import {
  Timestamp as AdminTimestamp,
  getFirestore as getAdminFirestore,
  type FirestoreDataConverter as AdminConverter,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import { InvalidDocumentError, firestoreConverter, timestampsToDates } from './converter.js';
import { generationDocSchema, userDocSchema, type GenerationDoc, type UserDoc } from './docs.js';

const created = new Date('2025-03-01T10:00:00.000Z');
const updated = new Date('2025-03-02T11:30:00.500Z');

function userData(ts: (d: Date) => unknown) {
  return {
    displayName: 'Aiko',
    email: 'aiko@example.com',
    photoURL: null,
    locale: 'ja',
    settings: { promptStyle: 'tags' },
    credits: 40,
    signupGranted: true,
    createdAt: ts(created),
    updatedAt: ts(updated),
  };
}

const snapshotOf = (data: Record<string, unknown>, path = 'users/u1') => ({
  id: path.split('/').pop(),
  ref: { path },
  data: () => data,
});

describe('firestoreConverter', () => {
  const users = firestoreConverter(userDocSchema);

  it('reads web SDK Timestamps as Dates and validates the document', () => {
    const user = users.fromFirestore(snapshotOf(userData((d) => WebTimestamp.fromDate(d))));
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(user.createdAt.toISOString()).toBe(created.toISOString());
    expect(user.updatedAt.getTime()).toBe(updated.getTime());
    expect(user.settings).toEqual({ promptStyle: 'tags' });
  });

  it('reads Admin SDK Timestamps as Dates', () => {
    const user = users.fromFirestore(snapshotOf(userData((d) => AdminTimestamp.fromDate(d))));
    expect(user.createdAt.getTime()).toBe(created.getTime());
    expect(user.credits).toBe(40);
  });

  it('converts Timestamps nested in maps and arrays', () => {
    const value = timestampsToDates({
      a: [{ at: AdminTimestamp.fromDate(created) }, WebTimestamp.fromDate(updated), 3],
      b: { c: { d: WebTimestamp.fromDate(created) } },
      e: null,
    }) as { a: [{ at: Date }, Date, number]; b: { c: { d: Date } }; e: null };
    expect(value.a[0].at).toEqual(created);
    expect(value.a[1]).toEqual(updated);
    expect(value.a[2]).toBe(3);
    expect(value.b.c.d).toEqual(created);
    expect(value.e).toBeNull();
  });

  it('throws InvalidDocumentError naming the path and field when data does not fit', () => {
    const bad = { ...userData((d) => WebTimestamp.fromDate(d)), credits: -5 };
    expect(() => users.fromFirestore(snapshotOf(bad, 'users/u9'))).toThrowError(InvalidDocumentError);
    expect(() => users.fromFirestore(snapshotOf(bad, 'users/u9'))).toThrowError(/users\/u9.*credits/);
  });

  it('rejects a missing document body', () => {
    const missing = { id: 'x', data: () => undefined };
    expect(() => users.fromFirestore(missing)).toThrowError(InvalidDocumentError);
  });

  it('writes Dates and SDK sentinels through and drops undefined fields', () => {
    const generations = firestoreConverter(generationDocSchema);
    const sentinel = serverTimestamp();
    const out = generations.toFirestore({
      favorite: true,
      completedAt: created,
      failureReason: undefined,
      settings: { aspectRatio: undefined, count: 2 },
      updatedAt: sentinel as unknown as Date,
    });
    expect(out).toEqual({
      favorite: true,
      completedAt: created,
      settings: { count: 2 },
      updatedAt: sentinel,
    });
    expect(out.completedAt).toBeInstanceOf(Date);
    expect(Object.keys(out)).not.toContain('failureReason');
    expect(out.updatedAt).toBe(sentinel);
  });

  it('infers the output type from the schema', () => {
    const small = firestoreConverter(z.object({ n: z.number(), at: z.date() }));
    const value = small.fromFirestore(snapshotOf({ n: 1, at: AdminTimestamp.fromMillis(5) }));
    const n: number = value.n;
    expect(n + value.at.getTime()).toBe(6);
  });

  it('is accepted by withConverter in the web SDK and the Admin SDK', () => {
    const webConverter: WebConverter<UserDoc> = users;
    const adminConverter: AdminConverter<GenerationDoc> = firestoreConverter(generationDocSchema);
    const webApp = initializeWebApp({ projectId: 'demo-mimicit', apiKey: 'demo-key' }, 'converter-web');
    const adminApp = initializeAdminApp({ projectId: 'demo-mimicit' }, 'converter-admin');
    const webRef = webDoc(getWebFirestore(webApp), 'users/u1').withConverter(webConverter);
    const adminRef = getAdminFirestore(adminApp).doc('users/u1/generations/g1').withConverter(adminConverter);
    expect(webRef.converter).toBe(users);
    expect(adminRef.path).toBe('users/u1/generations/g1');
  });
});
