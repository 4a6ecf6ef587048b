/**
 * Firestore, loaded on first use so `firebase/firestore` never weighs on the first route.
 * Typed with the shared `firestoreConverter(schema)`: Timestamps become Dates, shapes validated.
 */
import type * as FirestoreSdk from 'firebase/firestore';
import type { Firestore, FirestoreDataConverter } from 'firebase/firestore';
import type { DocConverter } from '@mimicit/shared';
import { app, EMULATOR_HOST, usingEmulators } from '../firebase';
import { DataError } from './timeout';

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

/**
 * Follows one document live. `onData` gets the validated data with its id, or null once the
 * server says the document does not exist; when only an empty offline cache answers, `onError`
 * gets `unavailable` instead, so "unreachable" never looks like "missing".
 */
export function watchDocument<T>(
  path: string,
  converter: FirestoreDataConverter<T>,
  onData: (item: WithId<T> | null) => void,
  onError: (err: unknown) => void,
): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  loadFirestore()
    .then(({ fs, db }) => {
      if (cancelled) return;
      stop = fs.onSnapshot(
        fs.doc(db, path).withConverter(converter),
        { includeMetadataChanges: true },
        (snap) => {
          if (snap.exists()) onData({ ...snap.data(), id: snap.id });
          else if (snap.metadata.fromCache) onError(new DataError('unavailable', 'Firestore is unreachable'));
          else onData(null);
        },
        onError,
      );
    })
    .catch(onError);
  return () => {
    cancelled = true;
    stop?.();
  };
}
