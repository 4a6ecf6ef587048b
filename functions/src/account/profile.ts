/** The profile as clients see it, and the guard every account operation shares. */
import type { Profile, UserDoc } from '@mimicit/shared';
import { domainError } from '../lib/errors.js';

/** The client view of `users/{uid}`; times as ISO strings. */
export function toProfile(uid: string, user: UserDoc): Profile {
  return {
    uid,
    displayName: user.displayName,
    email: user.email,
    photoURL: user.photoURL,
    locale: user.locale,
    settings: { ...user.settings },
    credits: user.credits,
    signupGranted: user.signupGranted,
    flagged: user.flagged ?? false,
    createdAt: user.createdAt.toISOString(),
    deletion: deletionState(user),
  };
}

/** `{ requestedAt, purgeAfter }` as ISO strings when the account is scheduled for deletion. */
export function deletionState(user: UserDoc | undefined): { requestedAt: string; purgeAfter: string } | null {
  if (!user?.purgeAfter) return null;
  return {
    requestedAt: (user.deletionRequestedAt ?? user.purgeAfter).toISOString(),
    purgeAfter: user.purgeAfter.toISOString(),
  };
}

/**
 * Refuses accounts scheduled for deletion with `failed-precondition` /
 * `account-pending-deletion` (details carry `purgeAfter` and `requestedAt` so the client can show
 * the pending deletion and offer to cancel it).
 * Other features should call this before spending credits or creating data.
 */
export function assertAccountActive(user: UserDoc | undefined): void {
  const deletion = deletionState(user);
  if (deletion) {
    throw domainError(
      'failed-precondition',
      'account-pending-deletion',
      `This account is scheduled for deletion on ${deletion.purgeAfter.slice(0, 10)}. Cancel the deletion in Profile to keep using it.`,
      { purgeAfter: deletion.purgeAfter, requestedAt: deletion.requestedAt },
    );
  }
}

/** Trims an ID-token claim to a sane length; anything but a non-empty string becomes null. */
export function claim(token: Record<string, unknown>, name: string, max: number): string | null {
  const v = token[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;
}
