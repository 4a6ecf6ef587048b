/**
 * Who is signed in and their live credit balance. Sign-in arrives from the web app's bridge
 * page through the service worker, which leaves the custom token in `chrome.storage.session`;
 * this store consumes it once and signs in with `firebase/auth/web-extension`. The profile is
 * the web app's to create (`ensureProfile` needs App Check, which an extension cannot pass; the
 * web app called it before it minted this session), so the balance comes from the live
 * `users/{uid}` document and the web app's credit hints.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import {
  onAuthStateChanged,
  signInWithCustomToken,
  signOut as fbSignOut,
  type User,
} from 'firebase/auth/web-extension';
import type { Unsubscribe } from '@mimicit/client-data';
import { EXTENSION_CONNECT_PATH, collections } from '@mimicit/shared';
import { auth, dataPort } from '../../lib/firebase';
import { SESSION_KEYS, sessionSchemas } from '../../lib/messaging';
import { appOrigins } from '../../lib/origins';
import { t } from '../../lib/i18n';

/** The web app this build talks to (its own origin first in the allowed list). */
export const WEB_APP_ORIGIN = appOrigins(import.meta.env.MODE, import.meta.env.VITE_APP_ORIGIN)[0]!;
/** A custom token waiting longer than this is stale (the web app mints a fresh one per visit). */
const TOKEN_MAX_AGE_MS = 5 * 60_000;

export const useAccountStore = defineStore('account', () => {
  const user = shallowRef<User | null>(null);
  const ready = ref(false);
  const credits = ref<number | null>(null);
  const waiting = ref(false);
  const error = ref('');
  let stopCredits: Unsubscribe | null = null;

  function followCredits(uid: string | null): void {
    stopCredits?.();
    stopCredits = null;
    credits.value = null;
    if (!uid) return;
    let stopped = false;
    let unsubscribe: Unsubscribe | undefined;
    stopCredits = () => {
      stopped = true;
      unsubscribe?.();
    };
    void dataPort().then((port) => {
      if (stopped) return;
      unsubscribe = port.watchDoc(
        collections.users.doc(uid),
        (doc) => {
          if (doc) credits.value = doc.credits;
        },
        () => undefined, // Offline: the last balance (or the web app's hint) stays on screen.
      );
    });
  }

  async function consumePendingAuth(): Promise<void> {
    const stored: Record<string, unknown> = await chrome.storage.session.get(SESSION_KEYS.auth);
    if (stored[SESSION_KEYS.auth] === undefined) return;
    await chrome.storage.session.remove(SESSION_KEYS.auth); // a token is used once
    const pending = sessionSchemas.auth.safeParse(stored[SESSION_KEYS.auth]);
    if (!pending.success) return;
    if (pending.data.kind === 'signed-out') {
      await signOut();
      return;
    }
    if (Date.now() - pending.data.at > TOKEN_MAX_AGE_MS) return;
    error.value = '';
    try {
      await signInWithCustomToken(auth, pending.data.token);
    } catch {
      error.value = t('signInFailed');
    } finally {
      waiting.value = false;
    }
  }

  async function consumeCreditsHint(): Promise<void> {
    const stored: Record<string, unknown> = await chrome.storage.session.get(SESSION_KEYS.credits);
    const hint = sessionSchemas.credits.safeParse(stored[SESSION_KEYS.credits]);
    if (hint.success && user.value) credits.value = hint.data.credits;
  }

  /** Starts following auth state and the service worker's hand-overs. */
  function start(onSignedIn: () => void, onSignedOut: () => void): void {
    onAuthStateChanged(auth, (next) => {
      const changed = next?.uid !== user.value?.uid;
      user.value = next;
      ready.value = true;
      if (!changed) return;
      followCredits(next?.uid ?? null);
      if (next) onSignedIn();
      else onSignedOut();
    });
    chrome.storage.session.onChanged.addListener((changes) => {
      if (changes[SESSION_KEYS.auth]?.newValue !== undefined) void consumePendingAuth();
      if (changes[SESSION_KEYS.credits]?.newValue !== undefined) void consumeCreditsHint();
    });
    void consumePendingAuth();
  }

  /** Opens the web app's bridge page, which hands a token to this extension. */
  async function signIn(): Promise<void> {
    waiting.value = true;
    error.value = '';
    const url = `${WEB_APP_ORIGIN}${EXTENSION_CONNECT_PATH}?ext=${encodeURIComponent(chrome.runtime.id)}`;
    await chrome.tabs.create({ url });
  }

  /** Signs out here and forgets everything personal held by the panel. */
  async function signOut(): Promise<void> {
    followCredits(null);
    await chrome.storage.session.remove([SESSION_KEYS.auth, SESSION_KEYS.credits, SESSION_KEYS.selection]);
    await fbSignOut(auth);
  }

  return { user, ready, credits, waiting, error, start, signIn, signOut };
});
