/**
 * The web app origins the extension trusts, and the API hosts it may reach. One function feeds
 * both the manifest (`externally_connectable`, `host_permissions`) and the service worker's
 * runtime origin check, so the two lists can never drift apart.
 */
// No imports: the manifest config (run by Node while Vite loads it) uses this file too.

/** Mirrors `FUNCTIONS_REGION` of `@mimicit/shared` (a unit test keeps them equal). */
export const FUNCTIONS_REGION = 'asia-northeast1';

/** Used when a production build is made without `VITE_APP_ORIGIN` (documented in the README). */
export const DEFAULT_APP_ORIGIN = 'https://mimicit.app';
/** The local web app (vite dev server and the e2e static server). */
export const DEV_APP_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'] as const;

/** Normalizes an origin string, refusing anything but a bare http(s) origin. */
export function normalizeOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`not an http(s) origin: ${value}`);
  if (url.origin !== value.replace(/\/$/, '')) throw new Error(`not a bare origin: ${value}`);
  return url.origin;
}

/**
 * Exact origins allowed to talk to the extension, the web app's own origin first.
 * Production: `VITE_APP_ORIGIN` (https) or {@link DEFAULT_APP_ORIGIN}, nothing else. Other modes
 * (development, e2e): `VITE_APP_ORIGIN` when set, plus the local dev origins.
 */
export function appOrigins(mode: string, appOrigin: string | undefined): string[] {
  const configured = appOrigin?.trim();
  if (mode === 'production') {
    const main = normalizeOrigin(configured || DEFAULT_APP_ORIGIN);
    if (!main.startsWith('https://')) throw new Error('VITE_APP_ORIGIN must be https in production');
    return [main];
  }
  return [...new Set([...(configured ? [normalizeOrigin(configured)] : []), ...DEV_APP_ORIGINS])];
}

/** Chrome match patterns for `externally_connectable.matches` (exact scheme, host and port). */
export function originMatchPatterns(origins: readonly string[]): string[] {
  return origins.map((o) => `${o}/*`);
}

/**
 * Host permissions: only the backends the side panel talks to. Callable functions of this
 * project's region; Identity Toolkit + Secure Token (Firebase Auth REST); Firestore (live
 * credits and history); Firebase Storage (downloading generated images, whose bucket has no
 * CORS policy). In emulator builds, the emulators on 127.0.0.1 (any port) as well.
 */
export function apiHostPermissions(projectId: string, useEmulators: boolean): string[] {
  const hosts = [
    `https://${FUNCTIONS_REGION}-${projectId}.cloudfunctions.net/*`,
    'https://identitytoolkit.googleapis.com/*',
    'https://securetoken.googleapis.com/*',
    'https://firestore.googleapis.com/*',
    'https://firebasestorage.googleapis.com/*',
  ];
  return useEmulators ? [...hosts, 'http://127.0.0.1/*'] : hosts;
}

/** True when `url` (a sender's origin or URL) has exactly one of the allowed origins. */
export function isAllowedOrigin(url: string | undefined, allowed: readonly string[]): boolean {
  if (!url) return false;
  try {
    return allowed.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Local mode (`VITE_BACKEND=local`): callables and data from the one local backend. Never in a
 * production build, whatever the variables say.
 */
export function usesLocalBackend(mode: string, backend: string | undefined): boolean {
  return mode !== 'production' && backend === 'local';
}

/** The local backend's origin (`VITE_LOCAL_BACKEND_URL`, default the Functions emulator's port). */
export function localBackendOrigin(url: string | undefined): string {
  return new URL(url || 'http://127.0.0.1:5001').origin;
}

/** Emulator wiring: forced by `VITE_USE_EMULATORS=true`, default on in development mode. */
export function usesEmulators(mode: string, flag: string | undefined): boolean {
  return flag === 'true' || (mode === 'development' && flag !== 'false');
}
