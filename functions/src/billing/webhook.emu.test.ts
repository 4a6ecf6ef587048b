// Emulator tier: the same Stripe-event contract on the Firestore emulator.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { FirestoreStore } from '../lib/store/firestore-store.js';
import { EMULATOR_CONTENTION } from '../lib/store/contention.js';
import { webhookContract } from '../../test/contracts/webhook.js';

const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: 'demo-mimicit' }));
// A few concurrent deliveries, ABORTED tolerated and redelivered (lib/store/contention.ts).
webhookContract('Firestore emulator', () => new FirestoreStore(db), EMULATOR_CONTENTION);
