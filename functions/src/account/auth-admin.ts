/**
 * The Firebase Auth admin operations the account features need, behind a small interface so
 * offline tests use a fake at this boundary and production loads `firebase-admin/auth` only
 * when one of these functions runs.
 */
import { serviceOverride } from '../lib/deps.js';

export interface AuthAdmin {
  /** Blocks sign-in. A missing user is not an error. */
  disable(uid: string): Promise<void>;
  /** Revokes every refresh token: each device is signed out once its ID token expires (≤ 1 h). */
  revokeSessions(uid: string): Promise<void>;
  /** Deletes the Auth user. A missing user is not an error (purge reruns must be idempotent). */
  delete(uid: string): Promise<void>;
  /** A custom token for `uid` with no extra claims. */
  createCustomToken(uid: string): Promise<string>;
  /**
   * Whether a session that signed in at `authTimeSeconds` (the ID token's `auth_time`) still
   * stands: the user exists, is enabled, and its sessions were not revoked after that time —
   * the check `verifyIdToken(token, true)` makes, without verifying the token a second time.
   */
  sessionState(uid: string, authTimeSeconds: number | undefined): Promise<SessionState>;
}

export type SessionState = 'active' | 'missing' | 'disabled' | 'revoked';

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
    sessionState: async (uid, authTimeSeconds) => {
      let user;
      try {
        user = await (await auth()).getUser(uid);
      } catch (err) {
        if (isUserNotFound(err)) return 'missing';
        throw err;
      }
      return sessionStateOf(user.disabled, user.tokensValidAfterTime, authTimeSeconds);
    },
  };
}

/** The decision of {@link AuthAdmin.sessionState} from the Auth user's record. */
export function sessionStateOf(
  disabled: boolean,
  tokensValidAfterTime: string | undefined,
  authTimeSeconds: number | undefined,
): SessionState {
  if (disabled) return 'disabled';
  const validAfter = tokensValidAfterTime ? Date.parse(tokensValidAfterTime) : Number.NaN;
  if (Number.isNaN(validAfter)) return 'active';
  // A token without auth_time cannot prove it is newer than the revocation.
  return authTimeSeconds !== undefined && authTimeSeconds * 1000 >= validAfter ? 'active' : 'revoked';
}

let built: AuthAdmin | undefined;

/** The {@link AuthAdmin} in use: the one `setDeps({ auth })` installed, or the Admin SDK's. */
export function getAuthAdmin(): AuthAdmin {
  return serviceOverride('auth') ?? (built ??= firebaseAuthAdmin());
}
