/**
 * The Firebase Auth admin operations the account features need, behind a small interface so
 * offline tests use a fake at this boundary and production loads `firebase-admin/auth` only
 * when one of these functions runs.
 */
export interface AuthAdmin {
  /** Blocks sign-in. A missing user is not an error. */
  disable(uid: string): Promise<void>;
  /** Revokes every refresh token: each device is signed out once its ID token expires (≤ 1 h). */
  revokeSessions(uid: string): Promise<void>;
  /** Deletes the Auth user. A missing user is not an error (purge reruns must be idempotent). */
  delete(uid: string): Promise<void>;
  /** A custom token for `uid` with no extra claims. */
  createCustomToken(uid: string): Promise<string>;
}

function isUserNotFound(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'auth/user-not-found';
}

async function ignoreMissing(op: Promise<unknown>): Promise<void> {
  try {
    await op;
  } catch (err) {
    if (!isUserNotFound(err)) throw err;
  }
}

/** The production {@link AuthAdmin} over the Admin SDK (or the Auth emulator when it runs). */
export function firebaseAuthAdmin(): AuthAdmin {
  const auth = async () => {
    const [{ getAuth }, { adminApp }] = await Promise.all([
      import('firebase-admin/auth'),
      import('../lib/admin.js'),
    ]);
    return getAuth(adminApp());
  };
  return {
    disable: async (uid) => ignoreMissing((await auth()).updateUser(uid, { disabled: true })),
    revokeSessions: async (uid) => ignoreMissing((await auth()).revokeRefreshTokens(uid)),
    delete: async (uid) => ignoreMissing((await auth()).deleteUser(uid)),
    createCustomToken: async (uid) => (await auth()).createCustomToken(uid),
  };
}

let override: AuthAdmin | undefined;
let built: AuthAdmin | undefined;

/** The {@link AuthAdmin} in use: the test override, or the Admin SDK one built on first use. */
export function getAuthAdmin(): AuthAdmin {
  return override ?? (built ??= firebaseAuthAdmin());
}

/** Test hook: replace the Auth admin; `undefined` restores the real one. */
export function setAuthAdmin(next: AuthAdmin | undefined): void {
  override = next;
}
