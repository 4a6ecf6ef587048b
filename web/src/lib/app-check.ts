/**
 * App Check: proves to the callables that guard the signup grant, checkout and the extension
 * hand-off that a call comes from this app in a real browser (README "Security"). Loaded with
 * the Functions SDK (lib/data/functions.ts), so `firebase/app-check` and Google's reCAPTCHA
 * script stay out of the first route.
 *
 * - Production: reCAPTCHA Enterprise with the score-based site key `VITE_RECAPTCHA_ENTERPRISE_SITE_KEY`.
 * - Emulators and local mode: the debug provider. Each browser gets a random debug token (kept in
 *   IndexedDB, printed in the console) unless `APPCHECK_DEBUG_TOKEN` at build time names a
 *   registered one; local backends and the Functions emulator decode tokens without asking
 *   Google, so none needs registering there. Vite folds `MODE`, so no production bundle contains
 *   this branch, and vite.config.ts never gives a production build a debug token.
 */
import {
  CustomProvider,
  initializeAppCheck,
  ReCaptchaEnterpriseProvider,
  type AppCheck,
} from 'firebase/app-check';
import { app, usingEmulators } from './firebase';

let started: AppCheck | null | undefined;

/** Starts App Check once; null when a production build has no site key (guarded calls are then refused). */
export function startAppCheck(): AppCheck | null {
  if (started !== undefined) return started;
  if (import.meta.env.MODE !== 'production' && usingEmulators) {
    // Read by the SDK in initializeAppCheck: debug mode exchanges this token instead of
    // attesting, and never calls the provider below.
    (self as { FIREBASE_APPCHECK_DEBUG_TOKEN?: string | boolean }).FIREBASE_APPCHECK_DEBUG_TOKEN =
      __APPCHECK_DEBUG_TOKEN__ || true;
    started = initializeAppCheck(app, {
      provider: new CustomProvider({ getToken: () => Promise.reject(new Error('debug mode attests')) }),
      // Tokens are fetched when a call needs one: no background exchanges while developing.
      isTokenAutoRefreshEnabled: false,
    });
    return started;
  }
  const siteKey = import.meta.env.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY;
  if (!siteKey) {
    console.error('App Check has no reCAPTCHA Enterprise site key (VITE_RECAPTCHA_ENTERPRISE_SITE_KEY).');
    return (started = null);
  }
  started = initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(siteKey),
    // Keeps a token ready (refreshed at about half its lifetime) so calls do not wait for one.
    isTokenAutoRefreshEnabled: true,
  });
  return started;
}

/** Whether `err` comes from the App Check SDK (no token could be obtained), not from a server. */
export function isAppCheckClientError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('appCheck/');
}
