/**
 * The only code that changes a credit balance. Every change writes a ledger entry and the new
 * balance in the same Firestore transaction, so `credits` always equals the sum of the ledger's
 * deltas. Entry ids are derived from what caused them (`purchase-<session>`, `gen-<id>`,
 * `refund-<id>`…), which makes every operation idempotent under retries and replays.
 */
import {
  collections,
  purchaseLedgerEntryId,
  type LedgerEntry,
  type LedgerReason,
  type UserDoc,
} from '@mimicit/shared';
import type { Store, Tx } from '../lib/store/types.js';
import { domainError } from '../lib/errors.js';

export interface Account {
  uid: string;
  exists: boolean;
  credits: number;
  user: UserDoc | undefined;
}

export interface CreditChange {
  /** Deterministic ledger entry id: the idempotency key of the change. */
  entryId: string;
  delta: number;
  reason: LedgerReason;
  ref: string;
}

export const ledgerIds = {
  signupGrant: () => 'grant-signup',
  purchase: (sessionId: string) => purchaseLedgerEntryId(sessionId),
  reservation: (generationId: string) => `gen-${generationId}`,
  refund: (generationId: string) => `refund-${generationId}`,
  clawback: (refundId: string) => `clawback-${refundId}`,
} as const;

/** A fresh user document, for the first credit change of an account whose profile is not written yet. */
export function defaultUserDoc(now: Date): UserDoc {
  return {
    displayName: null,
    email: null,
    photoURL: null,
    locale: 'en',
    settings: {},
    credits: 0,
    signupGranted: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** Reads the account inside a transaction (before any write). */
export async function readAccount(tx: Tx, uid: string): Promise<Account> {
  const snap = await tx.get(collections.users.doc(uid));
  return { uid, exists: snap.data !== undefined, credits: snap.data?.credits ?? 0, user: snap.data };
}

/** True when the ledger already holds `entryId` (the change was applied before). Read before writes. */
export async function alreadyApplied(tx: Tx, uid: string, entryId: string): Promise<boolean> {
  return (await tx.get(collections.ledger.doc(uid, entryId))).data !== undefined;
}

/**
 * Queues the ledger entry and the new balance. Spending below zero is refused with
 * `failed-precondition` / `insufficient-credits`; `allowNegative` is never used: a clawback larger
 * than the balance takes what is there (see {@link clampedClawback}).
 */
export function writeCreditChange(
  tx: Tx,
  account: Account,
  change: CreditChange,
  now: Date,
  extraUserFields: Partial<UserDoc> = {},
): number {
  if (!Number.isInteger(change.delta)) throw new Error('Credit deltas are whole numbers.');
  const balanceAfter = account.credits + change.delta;
  if (balanceAfter < 0) {
    throw domainError(
      'failed-precondition',
      'insufficient-credits',
      `This needs ${-change.delta} credits and you have ${account.credits}. Buy a credit pack to continue.`,
      { needed: -change.delta, balance: account.credits },
    );
  }
  const entry: LedgerEntry = {
    delta: change.delta,
    reason: change.reason,
    ref: change.ref,
    balanceAfter,
    createdAt: now,
  };
  tx.create(collections.ledger.doc(account.uid, change.entryId), { ...entry });
  if (account.exists) {
    tx.update(collections.users.doc(account.uid), {
      credits: balanceAfter,
      updatedAt: now,
      ...extraUserFields,
    });
  } else {
    tx.set(collections.users.doc(account.uid), {
      ...defaultUserDoc(now),
      credits: balanceAfter,
      ...extraUserFields,
    });
  }
  account.credits = balanceAfter;
  account.exists = true;
  return balanceAfter;
}

/** How much a clawback can take without going below zero, and whether it fell short. */
export function clampedClawback(balance: number, wanted: number): { take: number; shortfall: number } {
  const take = Math.min(balance, wanted);
  return { take, shortfall: wanted - take };
}

export interface ApplyResult {
  applied: boolean;
  balance: number;
}

/**
 * Applies one change in its own transaction, once: a replay with the same entry id changes
 * nothing and reports `applied: false`.
 */
export async function applyCreditChange(
  store: Store,
  uid: string,
  change: CreditChange,
  now: Date,
): Promise<ApplyResult> {
  return store.runTransaction(async (tx) => {
    const [account, done] = await Promise.all([
      readAccount(tx, uid),
      alreadyApplied(tx, uid, change.entryId),
    ]);
    if (done) return { applied: false, balance: account.credits };
    return { applied: true, balance: writeCreditChange(tx, account, change, now) };
  });
}

/** The signup grant: exactly once per account, however often it is asked for. */
export async function grantSignupCredits(
  store: Store,
  uid: string,
  amount: number,
  now: Date,
): Promise<ApplyResult> {
  return store.runTransaction(async (tx) => {
    const account = await readAccount(tx, uid);
    if (account.user?.signupGranted) return { applied: false, balance: account.credits };
    const balance = writeCreditChange(
      tx,
      account,
      { entryId: ledgerIds.signupGrant(), delta: amount, reason: 'grant', ref: 'signup' },
      now,
      { signupGranted: true },
    );
    return { applied: true, balance };
  });
}

/** Every ledger entry of a user, oldest first (tests and exports). */
export async function ledgerOf(store: Store, uid: string): Promise<LedgerEntry[]> {
  const rows = await store.query({
    collection: collections.ledger.in(uid),
    orderBy: [['createdAt', 'asc']],
  });
  return rows.map((r) => r.data as LedgerEntry);
}
