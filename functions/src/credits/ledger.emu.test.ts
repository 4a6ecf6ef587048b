// Emulator tier: the same credit contract on the Firestore emulator.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { FirestoreStore } from '../lib/store/firestore-store.js';
import { creditContract } from './contract.js';

const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: 'demo-mimicit' }));
creditContract('Firestore emulator', () => new FirestoreStore(db));
