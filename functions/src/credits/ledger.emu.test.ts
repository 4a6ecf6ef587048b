// Emulator tier: the same credit contract on the Firestore emulator.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { FirestoreStore } from '../lib/store/firestore-store.js';
import { EMULATOR_CONTENTION } from '../lib/store/contention.js';
import { creditContract } from '../../test/contracts/credits.js';

const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: 'demo-mimicit' }));
// A few concurrent calls, ABORTED tolerated: the emulator's locks time out under heavy contention.
creditContract('Firestore emulator', () => new FirestoreStore(db), EMULATOR_CONTENTION);
