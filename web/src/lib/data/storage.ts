/** Generated images in Cloud Storage (owner-only reads), loaded lazily. */
import type * as StorageSdk from 'firebase/storage';
import type { FirebaseStorage } from 'firebase/storage';
import { app, EMULATOR_HOST, usingEmulators } from '../firebase';
import { withTimeout } from './timeout';

type StorageModule = typeof StorageSdk;
let loaded: Promise<{ st: StorageModule; storage: FirebaseStorage }> | undefined;

function load() {
  loaded ??= import('firebase/storage').then((st) => {
    const storage = st.getStorage(app);
    // The default retries for two minutes; a view should show an error well before that.
    storage.maxOperationRetryTime = 15_000;
    if (usingEmulators) st.connectStorageEmulator(storage, EMULATOR_HOST, 9199);
    return { st, storage };
  });
  return loaded;
}

/** The image bytes (for display through an object URL and for format conversion). */
export async function fetchImageBlob(path: string): Promise<Blob> {
  const { st, storage } = await load();
  return withTimeout(st.getBlob(st.ref(storage, path)));
}
