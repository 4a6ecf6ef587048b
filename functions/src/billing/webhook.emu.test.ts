// Emulator tier: the same Stripe-event contract on the Firestore emulator.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { FirestoreStore } from '../lib/store/firestore-store.js';
import { webhookContract } from './webhook-contract.js';

const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: 'demo-mimicit' }));
webhookContract('Firestore emulator', () => new FirestoreStore(db));
