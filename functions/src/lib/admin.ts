/**
 * The Admin SDK, created once per instance on first use. Always import this module lazily
 * (`await import('./admin.js')`) from trigger code: every function's cold start would otherwise
 * pay for firebase-admin (and, through getFirestore, gRPC and protobufs).
 */
import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

let app: App | undefined;
let db: Firestore | undefined;

export function adminApp(): App {
  return (app ??= getApps()[0] ?? initializeApp());
}

export function firestore(): Firestore {
  if (!db) {
    db = getFirestore(adminApp());
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}
