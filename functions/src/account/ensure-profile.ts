import {
  ensureProfileRequestSchema,
  collections,
  type EnsureProfileResponse,
  type SignupGrantHold,
} from '@mimicit/shared';
import * as logger from 'firebase-functions/logger';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { PAYMENT_HASH_KEY, SIGNUP_GRANT_CREDITS } from '../lib/config.js';
import { domainError } from '../lib/errors.js';
import { defaultUserDoc, grantSignupCredits } from '../credits/ledger.js';
import { getAuthAdmin } from './auth-admin.js';
import { assertAccountActive, claim, toProfile } from './profile.js';
import { accountDeleted, isPurged } from './tombstones.js';

/**
 * Creates or refreshes `users/{uid}` after sign-in, idempotently: name, email and photo come
 * from the ID token (Google's claims), `locale` seeds a new profile only. The signup grant goes
 * through the ledger, which gives it exactly once per account however often this runs, and only
 * to a token whose email is verified (`email_verified`; Google accounts have one): an unverified
 * account gets its profile and the grant is held until it signs in verified. Only the web app
 * may call this (App Check, consumed: one attestation per grant, README "Security").
 * Accounts scheduled for deletion are refused.
 *
 * Creating a profile is where a purged account could come back (an ID token lives up to an
 * hour after the purge; a custom token signs a deleted uid in again), so only that path — the
 * first sign-in, not every sign-in — checks the Auth user and its revocations (loading
 * firebase-admin/auth) and the purge's tombstone.
 */
export const handleEnsureProfile = callableHandler(
  'ensureProfile',
  ensureProfileRequestSchema,
  async ({ uid, data, deps, token }): Promise<EnsureProfileResponse> => {
    const { store, clock } = deps;
    const now = clock.now();
    const fromToken = {
      displayName: claim(token, 'name', 200),
      email: claim(token, 'email', 320),
      photoURL: claim(token, 'picture', 2048),
    };
    /** Refreshes an existing profile; creates a missing one only when `create`. False: missing. */
    const upsert = (create: boolean) =>
      store.runTransaction(async (tx) => {
        const user = (await tx.get(collections.users.doc(uid))).data;
        assertAccountActive(user);
        if (user) {
          const changed = (Object.keys(fromToken) as (keyof typeof fromToken)[]).some(
            (k) => user[k] !== fromToken[k],
          );
          // Unchanged profiles cost no write: this runs on every sign-in.
          if (changed) tx.update(collections.users.doc(uid), { ...fromToken, updatedAt: now });
          return true;
        }
        if (!create) return false;
        if (await isPurged(tx, uid)) throw accountDeleted();
        tx.create(collections.users.doc(uid), {
          ...defaultUserDoc(now),
          ...fromToken,
          locale: data.locale ?? 'en',
        });
        return true;
      });
    if (!(await upsert(false))) {
      await assertSessionStands(uid, token);
      await upsert(true);
    }

    const amount = SIGNUP_GRANT_CREDITS.value();
    const grants = Number.isInteger(amount) && amount > 0;
    const emailVerified = token.email_verified === true;
    let granted = false;
    if (grants && emailVerified) {
      granted = (await grantSignupCredits(store, uid, amount, now)).applied;
      if (granted) logger.info('account.signupGrant', { uid, amount });
    }

    const user = (await store.get(collections.users.doc(uid))).data;
    if (!user) throw new Error('The profile vanished right after it was written.');
    let grantHeld: SignupGrantHold | null = null;
    if (grants && !emailVerified && !user.signupGranted) {
      grantHeld = 'email-unverified';
      logger.info('account.signupGrantHeld', { uid, reason: grantHeld });
    }
    return { profile: toProfile(uid, user), granted, grantHeld };
  },
  { appCheck: 'consume' },
);

/** Refuses a token whose Auth user is gone or disabled, or whose sessions were revoked since. */
async function assertSessionStands(uid: string, token: Record<string, unknown>): Promise<void> {
  const authTime = typeof token.auth_time === 'number' ? token.auth_time : undefined;
  const state = await getAuthAdmin().sessionState(uid, authTime);
  if (state === 'missing' || state === 'disabled') throw accountDeleted();
  if (state === 'revoked') {
    throw domainError(
      'unauthenticated',
      'session-revoked',
      'This session was signed out on every device. Please sign in again.',
    );
  }
}

export const ensureProfile = defineCallable({ secrets: [PAYMENT_HASH_KEY] }, handleEnsureProfile);
