/**
 * The Firebase adapter of the client data port: Firestore and Cloud Storage through the web SDK,
 * under the security rules (production, or the Emulator Suite when `emulator` is given). The SDK
 * modules load on first use, so a page that reads nothing never downloads them.
 */
import type { FirebaseApp } from 'firebase/app';
import type * as FirestoreSdk from 'firebase/firestore';
import type * as StorageSdk from 'firebase/storage';
import { converterAt, type DocConverter } from '@mimicit/shared';
import { DataError, withTimeout } from '../errors.js';
import { sniffImageType } from '../sniff.js';
import type { ClientDataPort, ClientQuery, Page, WithId } from '../types.js';

export interface FirebaseDataPortOptions {
  app: FirebaseApp;
  /** The Emulator Suite's host and ports (firebase.json), when running against it. */
  emulator?: { host: string; firestorePort: number; storagePort: number };
  /** How long Storage retries a failing read (the SDK's default is two minutes). */
  storageMaxRetryMs?: number;
}

type Converter<T> = FirestoreSdk.FirestoreDataConverter<T>;

/**
 * The shared converter typed for the web SDK: `firestoreConverter` is structurally a
 * `FirestoreDataConverter` but, importing no SDK, cannot say so in its type.
 */
function sdkConverter<T>(converter: DocConverter<T>): Converter<T> {
  return converter as unknown as Converter<T>;
}

/** Builds the Firebase adapter for `options.app`. */
export function createFirebaseDataPort(options: FirebaseDataPortOptions): ClientDataPort {
  const { app, emulator } = options;
  let firestore: Promise<{ fs: typeof FirestoreSdk; db: FirestoreSdk.Firestore }> | undefined;
  let storage: Promise<{ st: typeof StorageSdk; bucket: StorageSdk.FirebaseStorage }> | undefined;

  const loadFirestore = () =>
    (firestore ??= import('firebase/firestore').then((fs) => {
      const db = fs.getFirestore(app);
      if (emulator) fs.connectFirestoreEmulator(db, emulator.host, emulator.firestorePort);
      return { fs, db };
    }));
  const loadStorage = () =>
    (storage ??= import('firebase/storage').then((st) => {
      const bucket = st.getStorage(app);
      bucket.maxOperationRetryTime = options.storageMaxRetryMs ?? 15_000;
      if (emulator) st.connectStorageEmulator(bucket, emulator.host, emulator.storagePort);
      return { st, bucket };
    }));

  async function buildQuery<T>(query: ClientQuery<T>, cursor?: unknown) {
    const { fs, db } = await loadFirestore();
    const converter = converterAt(query.collection);
    const constraints: FirestoreSdk.QueryConstraint[] = [];
    for (const [field, op, value] of query.where ?? []) constraints.push(fs.where(field, op, value));
    constraints.push(fs.orderBy(query.orderBy[0], query.orderBy[1]));
    if (cursor) constraints.push(fs.startAfter(cursor));
    constraints.push(fs.limit(query.limit));
    return {
      fs,
      q: fs.query(fs.collection(db, query.collection).withConverter(sdkConverter(converter)), ...constraints),
    };
  }

  const withIds = <T>(snap: FirestoreSdk.QuerySnapshot<T>): WithId<T>[] =>
    snap.docs.map((d) => ({ ...d.data(), id: d.id }));

  return {
    async getDoc(path) {
      const { fs, db } = await loadFirestore();
      const snap = await withTimeout(
        fs.getDocFromServer(fs.doc(db, path).withConverter(sdkConverter(converterAt(path)))),
      );
      return snap.exists() ? { ...snap.data(), id: snap.id } : null;
    },

    watchDoc(path, onData, onError) {
      let stop: (() => void) | undefined;
      let cancelled = false;
      loadFirestore()
        .then(({ fs, db }) => {
          if (cancelled) return;
          stop = fs.onSnapshot(
            fs.doc(db, path).withConverter(sdkConverter(converterAt(path))),
            { includeMetadataChanges: true },
            (snap) => {
              if (snap.exists()) onData({ ...snap.data(), id: snap.id });
              // Only an empty offline cache answered: unreachable must not look like missing.
              else if (snap.metadata.fromCache)
                onError(new DataError('unavailable', 'Firestore is unreachable'));
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
    },

    async queryPage<T>(query: ClientQuery<T>, cursor?: unknown): Promise<Page<T>> {
      const { fs, q } = await buildQuery(query, cursor);
      // From the server only: an unreachable backend must be an error, not an empty cache.
      const snap = await withTimeout(fs.getDocsFromServer(q));
      const last = snap.docs[snap.docs.length - 1];
      return { items: withIds(snap), cursor: snap.docs.length === query.limit ? last : null };
    },

    watchQuery(query, onData, onError) {
      let stop: (() => void) | undefined;
      let cancelled = false;
      buildQuery(query)
        .then(({ fs, q }) => {
          if (!cancelled) stop = fs.onSnapshot(q, (snap) => onData(withIds(snap)), onError);
        })
        .catch(onError);
      return () => {
        cancelled = true;
        stop?.();
      };
    },

    async update(path, fields) {
      const { fs, db } = await loadFirestore();
      await withTimeout(fs.updateDoc(fs.doc(db, path), fields as FirestoreSdk.UpdateData<object>));
    },

    async readBlob(path) {
      const { st, bucket } = await loadStorage();
      // getBytes is getBlob's portable twin (browsers and Node alike, same rules, same CORS
      // need); the type comes from the bytes because the download carries none.
      const bytes = new Uint8Array(await withTimeout(st.getBytes(st.ref(bucket, path))));
      return new Blob([bytes], { type: sniffImageType(bytes) });
    },
  };
}
