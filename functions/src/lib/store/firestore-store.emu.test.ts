// Emulator tier: the same contract as the in-memory store, against the Firestore emulator.
import { initializeApp, getApps } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { FirestoreStore } from './firestore-store.js';
import { storeContract } from '../../../test/contracts/store.js';
import { EMULATOR_CONTENTION } from './contention.js';

const app = getApps()[0] ?? initializeApp({ projectId: 'demo-mimicit' });
const db = getFirestore(app);
db.settings({ ignoreUndefinedProperties: true });

storeContract('FirestoreStore (emulator)', () => new FirestoreStore(db), EMULATOR_CONTENTION);
