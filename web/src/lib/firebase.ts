/**
 * The Firebase app and Auth: the only Firebase code in the first route's bundle. Functions,
 * Firestore and Storage are loaded on demand by `lib/data/*` so the landing page stays small.
 */
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
import { defaultStorageBucket } from './storage-bucket';

const env = import.meta.env;
export const usingEmulators =
  env.VITE_USE_EMULATORS === 'true' || (env.DEV && env.VITE_USE_EMULATORS !== 'false');

const projectId = env.VITE_FIREBASE_PROJECT_ID ?? 'demo-mimicit';

export const app: FirebaseApp = initializeApp({
  apiKey: env.VITE_FIREBASE_API_KEY ?? 'demo-api-key',
  authDomain: env.VITE_FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`,
  projectId,
  storageBucket: env.VITE_FIREBASE_STORAGE_BUCKET ?? defaultStorageBucket(projectId, usingEmulators),
  appId: env.VITE_FIREBASE_APP_ID ?? 'demo-app',
});

export const auth: Auth = getAuth(app);

/** Emulator host; ports are the ones in firebase.json. */
export const EMULATOR_HOST = '127.0.0.1';

if (usingEmulators) {
  connectAuthEmulator(auth, `http://${EMULATOR_HOST}:9099`, { disableWarnings: true });
}
