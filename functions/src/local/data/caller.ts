/**
 * Who is calling the local data API. Tokens come from the Auth emulator, which signs nothing
 * (`alg: none`); they are checked as the Admin SDK checks emulator ID tokens — project,
 * issuer, subject and expiry — without a signature, and without a revocation lookup (Firestore
 * and Cloud Storage do not look up revocation either: a revoked session's reads end when its
 * token expires). No token means a signed-out caller, whom the rules refuse; a token that does
 * not check out is `unauthenticated`.
 */
import type { Request } from 'express';
import type { Caller } from './rules.js';

/** Turns an ID token into its uid, or throws. */
export type TokenVerifier = (idToken: string) => Promise<{ uid: string }>;

/** Thrown for a token that does not check out. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('The sign-in token was not accepted. Sign in again.');
    this.name = 'UnauthenticatedError';
  }
}

const json = (part: string | undefined): Record<string, unknown> => {
  const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object') throw new Error('not a JSON object');
  return value as Record<string, unknown>;
};

/** The Auth emulator's ID tokens of `projectId` (clock skew of a minute allowed, as the SDK does). */
export function emulatorTokenVerifier(projectId: string, now: () => number = Date.now): TokenVerifier {
  return async (idToken) => {
    const [header, payload, signature, ...rest] = idToken.split('.');
    if (rest.length > 0 || signature !== '') throw new UnauthenticatedError();
    const head = json(header);
    const claims = json(payload);
    const seconds = now() / 1000;
    const valid =
      head.alg === 'none' &&
      claims.aud === projectId &&
      claims.iss === `https://securetoken.google.com/${projectId}` &&
      typeof claims.sub === 'string' &&
      claims.sub.length > 0 &&
      claims.sub.length <= 128 &&
      typeof claims.exp === 'number' &&
      claims.exp > seconds - 60 &&
      typeof claims.iat === 'number' &&
      claims.iat <= seconds + 60;
    if (!valid) throw new UnauthenticatedError();
    return { uid: claims.sub as string };
  };
}

/** The caller of `req`: null when it carries no token. */
export async function callerOf(req: Request, verify: TokenVerifier): Promise<Caller> {
  const header = req.header('authorization');
  if (!header) return null;
  const match = /^Bearer (.+)$/i.exec(header);
  if (!match) throw new UnauthenticatedError();
  try {
    return await verify(match[1]!);
  } catch {
    throw new UnauthenticatedError();
  }
}
