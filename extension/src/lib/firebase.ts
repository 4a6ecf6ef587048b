/**
 * Firebase for the side panel only (the service worker never loads it). Auth comes from
 * `firebase/auth/web-extension`: the plain entry bundles remote script loaders the Chrome Web
 * Store rejects. Its default persistence is indexedDB, so the session survives service worker
 * and browser restarts. Data (documents, live queries, image bytes) goes through the client data
 * port: the Firebase adapter, or in local mode the local backend's (never in production builds).
 */
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth } from 'firebase/auth/web-extension';
import type { ClientDataPort } from '@mimicit/client-data';
import { localBackendOrigin, usesEmulators, usesLocalBackend } from './origins';

const env = import.meta.env;
export const usingEmulators =
  usesEmulators(env.MODE, env.VITE_USE_EMULATORS) || usesLocalBackend(env.MODE, env.VITE_BACKEND);
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

if (usingEmulators) {
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
}

async function currentIdToken(): Promise<string | null> {
  await auth.authStateReady();
  return auth.currentUser ? auth.currentUser.getIdToken() : null;
}

let port: Promise<ClientDataPort> | undefined;

/**
 * The data port, built on first use. The local branch sits behind a condition Vite folds at
 * build time, so a production bundle does not contain the local adapter.
 */
export function dataPort(): Promise<ClientDataPort> {
  if (import.meta.env.MODE !== 'production' && import.meta.env.VITE_BACKEND === 'local') {
    port ??= import('@mimicit/client-data/local').then(({ createLocalDataPort }) =>
      createLocalDataPort({
        baseUrl: localBackendOrigin(env.VITE_LOCAL_BACKEND_URL),
        idToken: currentIdToken,
      }),
    );
  }
  port ??= import('@mimicit/client-data/firebase').then(({ createFirebaseDataPort }) =>
    createFirebaseDataPort({
      app,
      emulator: usingEmulators ? { host: '127.0.0.1', firestorePort: 8080, storagePort: 9199 } : undefined,
    }),
  );
  return port;
}
