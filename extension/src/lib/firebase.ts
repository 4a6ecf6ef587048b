/**
 * Firebase for the side panel only (the service worker never loads it). Auth comes from
 * `firebase/auth/web-extension`: the plain entry bundles remote script loaders the Chrome Web
 * Store rejects. Its default persistence is indexedDB, so the session survives service worker
 * and browser restarts.
 */
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth } from 'firebase/auth/web-extension';
import { connectFirestoreEmulator, getFirestore } from 'firebase/firestore';
import { connectStorageEmulator, getStorage } from 'firebase/storage';
import { usesEmulators } from './origins';

const env = import.meta.env;
export const usingEmulators = usesEmulators(env.MODE, env.VITE_USE_EMULATORS);
export const projectId = env.VITE_FIREBASE_PROJECT_ID || 'demo-mimicit';

export const app = initializeApp({
  apiKey: env.VITE_FIREBASE_API_KEY || 'demo-api-key',
  authDomain: env.VITE_FIREBASE_AUTH_DOMAIN || `${projectId}.firebaseapp.com`,
  projectId,
  storageBucket:
    env.VITE_FIREBASE_STORAGE_BUCKET ||
    `${projectId}.${usingEmulators ? 'appspot.com' : 'firebasestorage.app'}`,
});
export const auth = getAuth(app);
export const db = getFirestore(app);
export const storage = getStorage(app);

if (usingEmulators) {
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
  connectFirestoreEmulator(db, '127.0.0.1', 8080);
  connectStorageEmulator(storage, '127.0.0.1', 9199);
}
