/**
 * Firestore, loaded on first use so `firebase/firestore` never weighs on the first route.
 * Typed with the shared `firestoreConverter(schema)`: Timestamps become Dates, shapes validated.
 */
import type * as FirestoreSdk from 'firebase/firestore';
import type { Firestore, FirestoreDataConverter } from 'firebase/firestore';
import type { DocConverter } from '@mimicit/shared';
import { app, EMULATOR_HOST, usingEmulators } from '../firebase';

export type FirestoreModule = typeof FirestoreSdk;
let loaded: Promise<{ fs: FirestoreModule; db: Firestore }> | undefined;

/** The Firestore module and the app's instance (emulator on port 8080 in dev and e2e). */
export function loadFirestore(): Promise<{ fs: FirestoreModule; db: Firestore }> {
  loaded ??= import('firebase/firestore').then((fs) => {
    const db = fs.getFirestore(app);
    if (usingEmulators) fs.connectFirestoreEmulator(db, EMULATOR_HOST, 8080);
    return { fs, db };
  });
  return loaded;
}

/** A page of documents plus the opaque cursor for the next page (null at the end). */
export interface Page<T> {
  items: T[];
  cursor: unknown;
}

/** Items carry their document id next to the validated data. */
export type WithId<T> = T & { id: string };

export const PAGE_SIZE = 20;

/**
 * The shared converter typed for the web SDK: `firestoreConverter` is structurally a
 * `FirestoreDataConverter` but, importing no SDK, cannot say so in its type.
 */
export function webConverter<T>(converter: DocConverter<T>): FirestoreDataConverter<T> {
  return converter as unknown as FirestoreDataConverter<T>;
}
