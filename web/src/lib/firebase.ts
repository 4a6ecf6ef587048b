/**
 * The Firebase app and Auth: the only Firebase code in the first route's bundle. Functions and
 * the data port (Firestore and Storage, or local mode) are loaded on demand by `lib/data/*` so
 * the landing page stays small.
 */
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
import { defaultStorageBucket } from './storage-bucket';

const env = import.meta.env;

/**
 * Local mode: callables and data from the one local backend (README "Local mode"), sign-in
 * from the Auth emulator. Vite replaces `import.meta.env.MODE` when it builds, so in a
 * production build this is the constant `false` and local mode cannot be switched on.
 */
export const localMode = import.meta.env.MODE !== 'production' && import.meta.env.VITE_BACKEND === 'local';

export const usingEmulators =
  localMode || env.VITE_USE_EMULATORS === 'true' || (env.DEV && env.VITE_USE_EMULATORS !== 'false');

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

/** Where callables are served when emulated: the local backend in local mode, else the Functions emulator. */
export const FUNCTIONS_EMULATOR = localMode
  ? new URL(env.VITE_LOCAL_BACKEND_URL || 'http://127.0.0.1:5001')
  : new URL(`http://${EMULATOR_HOST}:5001`);

if (usingEmulators) {
  connectAuthEmulator(auth, `http://${EMULATOR_HOST}:9099`, { disableWarnings: true });
}
