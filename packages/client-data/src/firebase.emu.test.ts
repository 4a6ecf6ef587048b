// Emulator tier: the client data port's contract on the Firebase adapter — the web SDK against
// the Auth, Firestore and Storage emulators with firestore.rules and storage.rules loaded by
// `firebase emulators:exec` — with the same cases the local adapter passes offline
// (functions/src/local/client-data.test.ts). Server-side writes go through the Admin SDK, as the
// functions' do.
import { deleteApp, initializeApp as initializeClient, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken } from 'firebase/auth';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth as adminAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { getStorage } from 'firebase-admin/storage';
import { afterAll } from 'vitest';
import { createFirebaseDataPort } from './firebase/port.js';
import { clientDataContract } from '../test/contract.js';

const PROJECT = 'demo-mimicit';
const BUCKET = `${PROJECT}.appspot.com`;
const admin = getApps()[0] ?? initializeApp({ projectId: PROJECT, storageBucket: BUCKET });
const apps: FirebaseApp[] = [];
afterAll(() => Promise.all(apps.map((a) => deleteApp(a))));

async function clientFor(uid: string | null): Promise<FirebaseApp> {
  const app = initializeClient(
    { apiKey: 'demo-api-key', projectId: PROJECT, storageBucket: BUCKET },
    `client-data-${apps.length}-${uid ?? 'signed-out'}`,
  );
  apps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
  if (uid) await signInWithCustomToken(auth, await adminAuth(admin).createCustomToken(uid));
  return app;
}

clientDataContract('Firebase adapter → Emulator Suite', () => ({
  port: async (uid) =>
    createFirebaseDataPort({
      app: await clientFor(uid),
      emulator: { host: '127.0.0.1', firestorePort: 8080, storagePort: 9199 },
    }),
  set: async (path, data) => {
    await getFirestore(admin).doc(path).set(data);
  },
  remove: async (path) => {
    await getFirestore(admin).doc(path).delete();
  },
  saveBlob: async (path, bytes, contentType) => {
    await getStorage(admin).bucket().file(path).save(Buffer.from(bytes), { contentType, resumable: false });
  },
}));
