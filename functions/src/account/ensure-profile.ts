import { ensureProfileRequestSchema, paths, type EnsureProfileResponse, type UserDoc } from '@mimicit/shared';
import * as logger from 'firebase-functions/logger';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { SIGNUP_GRANT_CREDITS } from '../lib/config.js';
import { defaultUserDoc, grantSignupCredits } from '../credits/ledger.js';
import { assertAccountActive, claim, toProfile } from './profile.js';

/**
 * Creates or refreshes `users/{uid}` after sign-in, idempotently: name, email and photo come
 * from the ID token (Google's claims), `locale` seeds a new profile only. The signup grant goes
 * through the ledger, which gives it exactly once per account however often this runs.
 * Accounts scheduled for deletion are refused.
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
    await store.runTransaction(async (tx) => {
      const user = (await tx.get<UserDoc>(paths.user(uid))).data;
      assertAccountActive(user);
      if (user) {
        const changed = (Object.keys(fromToken) as (keyof typeof fromToken)[]).some(
          (k) => user[k] !== fromToken[k],
        );
        // Unchanged profiles cost no write: this runs on every sign-in.
        if (changed) tx.update(paths.user(uid), { ...fromToken, updatedAt: now });
      } else {
        tx.create(paths.user(uid), { ...defaultUserDoc(now), ...fromToken, locale: data.locale ?? 'en' });
      }
    });

    const amount = SIGNUP_GRANT_CREDITS.value();
    let granted = false;
    if (Number.isInteger(amount) && amount > 0) {
      granted = (await grantSignupCredits(store, uid, amount, now)).applied;
      if (granted) logger.info('account.signupGrant', { uid, amount });
    }

    const user = (await store.get<UserDoc>(paths.user(uid))).data;
    if (!user) throw new Error('The profile vanished right after it was written.');
    return { profile: toProfile(uid, user), granted };
  },
);

export const ensureProfile = defineCallable({}, handleEnsureProfile);
