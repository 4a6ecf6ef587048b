// Emulator tier: the same deletion/purge contract on the Firestore emulator. Each case starts
// from an empty database (the emulator's documented reset endpoint).
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type CollectionReference } from 'firebase-admin/firestore';
import type { Data } from '../lib/store/types.js';
import { FirestoreStore, fromFirestore } from '../lib/store/firestore-store.js';
import { deletionContract } from '../../test/contracts/account.js';

const PROJECT = 'demo-mimicit';
const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: PROJECT }));
// As in production (lib/admin.ts).
db.settings({ ignoreUndefinedProperties: true });

async function clearDatabase(): Promise<void> {
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080';
  const res = await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`, {
    method: 'DELETE',
  });
  if (!res.ok) throw new Error(`Could not reset the Firestore emulator: HTTP ${res.status}`);
}

/** Every document, walking all collections and subcollections. */
async function dump(): Promise<{ path: string; data: Data }[]> {
  const out: { path: string; data: Data }[] = [];
  const walk = async (collections: CollectionReference[]): Promise<void> => {
    for (const col of collections) {
      for (const ref of await col.listDocuments()) {
        const snap = await ref.get();
        if (snap.exists) out.push({ path: ref.path, data: fromFirestore(snap.data()) as Data });
        await walk(await ref.listCollections());
      }
    }
  };
  await walk(await db.listCollections());
  return out;
}

deletionContract('FirestoreStore (emulator)', async () => {
  await clearDatabase();
  return { store: new FirestoreStore(db), dump };
});
