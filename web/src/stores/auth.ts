/**
 * Who is signed in. Route guards `await auth.ready()` so no page renders for a user that is not
 * known yet. This store is in the first bundle: it imports `firebase/auth` only; the profile
 * callable is loaded on sign-in.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  GoogleAuthProvider,
  onAuthStateChanged,
  signInWithPopup,
  signOut as fbSignOut,
  type User,
} from 'firebase/auth';
import type { Locale, Profile, SignupGrantHold } from '@mimicit/shared';
import { auth } from '../lib/firebase';

/** Auth errors the landing page explains; anything else is a generic failure. */
function authErrorKey(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'auth/popup-blocked') return 'auth.popupBlocked';
  if (code === 'auth/popup-closed-by-user' || code === 'auth/cancelled-popup-request')
    return 'auth.popupClosed';
  if (code === 'auth/user-disabled') return 'auth.accountDisabled';
  return 'auth.failed';
}

export const useAuthStore = defineStore('auth', () => {
  const user = shallowRef<User | null>(null);
  const profile = ref<Profile | null>(null);
  const profileError = ref<unknown>(null);
  /** Why the signup grant is held back, if it is (an unverified email). */
  const grantHeld = ref<SignupGrantHold | null>(null);
  const signingIn = ref(false);
  const errorKey = ref('');
  const known = ref(false);
  let locale: Locale = 'en';
  let readyPromise: Promise<void> | undefined;

  const signedIn = computed(() => user.value !== null);
  const uid = computed(() => user.value?.uid ?? null);
  /**
   * When the account is scheduled for deletion, the purge date (ISO): from the profile, or from
   * `ensureProfile`'s refusal (`account-pending-deletion` carries `purgeAfter`) when a person
   * signs in again during the grace period to cancel.
   */
  const purgeAfter = computed<string | null>(() => {
    if (profile.value) return profile.value.deletion?.purgeAfter ?? null;
    const details = (profileError.value as { details?: { reason?: unknown; purgeAfter?: unknown } } | null)
      ?.details;
    return details?.reason === 'account-pending-deletion' && typeof details.purgeAfter === 'string'
      ? details.purgeAfter
      : null;
  });
  /** The profile was refused by the browser check (App Check): `details.reason` app-check-*. */
  const attestationRefused = computed(() => {
    const reason = (profileError.value as { details?: { reason?: unknown } } | null)?.details?.reason;
    return typeof reason === 'string' && reason.startsWith('app-check-');
  });

  async function loadProfile(): Promise<void> {
    profileError.value = null;
    try {
      const { ensureProfile } = await import('../lib/data/api');
      const res = await ensureProfile({ locale });
      profile.value = res.profile;
      grantHeld.value = res.grantHeld;
    } catch (err) {
      profileError.value = err;
    }
  }

  /** Starts following the auth state; resolves once the first state is known. */
  function ready(): Promise<void> {
    readyPromise ??= new Promise<void>((resolve) => {
      onAuthStateChanged(auth, (u) => {
        const changed = u?.uid !== user.value?.uid;
        user.value = u;
        known.value = true;
        if (!u) {
          profile.value = null;
          profileError.value = null;
          grantHeld.value = null;
        } else if (changed) void loadProfile();
        resolve();
      });
    });
    return readyPromise;
  }

  /** The locale sent with `ensureProfile` to seed a new profile. */
  function setLocale(next: Locale): void {
    locale = next;
  }

  async function signIn(): Promise<boolean> {
    signingIn.value = true;
    errorKey.value = '';
    try {
      await signInWithPopup(auth, new GoogleAuthProvider());
      return true;
    } catch (err) {
      errorKey.value = authErrorKey(err);
      return false;
    } finally {
      signingIn.value = false;
    }
  }

  async function signOut(): Promise<void> {
    await fbSignOut(auth);
  }

  return {
    user,
    uid,
    profile,
    profileError,
    grantHeld,
    attestationRefused,
    signedIn,
    purgeAfter,
    signingIn,
    errorKey,
    known,
    ready,
    setLocale,
    loadProfile,
    signIn,
    signOut,
  };
});
