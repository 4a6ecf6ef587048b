/**
 * The web app's client data port (packages/client-data): the Firebase adapter in production and
 * on the Emulator Suite, the local adapter in local mode. Chosen here, at build time: the
 * condition is folded by Vite, so a production bundle has no local adapter in it at all.
 */
import type { ClientDataPort } from '@mimicit/client-data';
import { app, auth, EMULATOR_HOST, FUNCTIONS_EMULATOR, usingEmulators } from '../firebase';

let port: Promise<ClientDataPort> | undefined;

async function currentIdToken(): Promise<string | null> {
  await auth.authStateReady();
  return auth.currentUser ? auth.currentUser.getIdToken() : null;
}

/** The port, built on first use (its SDK modules load then, not with the first page). */
export function dataPort(): Promise<ClientDataPort> {
  if (import.meta.env.MODE !== 'production' && import.meta.env.VITE_BACKEND === 'local') {
    port ??= import('@mimicit/client-data/local').then(({ createLocalDataPort }) =>
      createLocalDataPort({ baseUrl: FUNCTIONS_EMULATOR.origin, idToken: currentIdToken }),
    );
  }
  port ??= import('@mimicit/client-data/firebase').then(({ createFirebaseDataPort }) =>
    createFirebaseDataPort({
      app,
      emulator: usingEmulators ? { host: EMULATOR_HOST, firestorePort: 8080, storagePort: 9199 } : undefined,
    }),
  );
  return port;
}
