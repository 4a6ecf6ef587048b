/**
 * Per-user limits: how many generations may be pending at once, and how many requests per fixed
 * one-minute window. The window lives on the user document (`rateWindowStart`, `rateCount`,
 * server-only) and is advanced in the same write as the credit reservation, so limiting costs no
 * extra Firestore write per generation. A read-only pre-check runs before any image is loaded;
 * the reservation transaction re-checks authoritatively, so parallel calls cannot slip through.
 */
import { collections, type UserDoc } from '@mimicit/shared';
import type { Store, Tx } from '../lib/store/types.js';
import { domainError } from '../lib/errors.js';
import { pipelineOptions } from './options.js';

const WINDOW_MS = 60_000;

export type RateFields = Pick<UserDoc, 'rateWindowStart' | 'rateCount'>;

const pendingQuery = (uid: string, limit: number) => ({
  collection: collections.generations.in(uid),
  where: [['status', '==', 'pending']] as const,
  limit,
});

function assertPending(pending: number, weight: number): void {
  if (pending + weight > pipelineOptions().maxConcurrentPending) {
    throw domainError(
      'resource-exhausted',
      'too-many-pending',
      `You already have ${pending} generations running. Wait for one to finish.`,
    );
  }
}

/** The window after counting `weight` more requests, or `resource-exhausted` / `rate-limited`. */
export function nextRateWindow(
  user: RateFields | undefined,
  now: Date,
  weight: number,
): Required<RateFields> {
  const start = user?.rateWindowStart;
  const fresh = !start || now.getTime() - start.getTime() >= WINDOW_MS;
  const count = fresh ? 0 : (user?.rateCount ?? 0);
  if (!fresh && count + weight > pipelineOptions().maxRequestsPerMinute) {
    throw domainError(
      'resource-exhausted',
      'rate-limited',
      'Too many requests in a minute. Try again shortly.',
      {
        retryAfterSeconds: Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000),
      },
    );
  }
  return { rateWindowStart: fresh ? now : start, rateCount: count + weight };
}

/** Read-only pre-check before any source image is fetched (no write, no charge). */
export async function checkRateLimit(store: Store, uid: string, now: Date, weight = 1): Promise<void> {
  const { maxConcurrentPending } = pipelineOptions();
  const [user, pending] = await Promise.all([
    store.get(collections.users.doc(uid)),
    store.query(pendingQuery(uid, maxConcurrentPending)),
  ]);
  assertPending(pending.length, weight);
  nextRateWindow(user.data, now, weight);
}

/**
 * The authoritative check inside the reservation transaction (call before any write); returns
 * the user fields to write together with the credit change.
 */
export async function rateLimitInTx(
  tx: Tx,
  uid: string,
  user: UserDoc | undefined,
  now: Date,
  weight: number,
): Promise<Required<RateFields>> {
  const pending = await tx.query(pendingQuery(uid, pipelineOptions().maxConcurrentPending));
  assertPending(pending.length, weight);
  return nextRateWindow(user, now, weight);
}

/**
 * Counts a request refused after the pre-check (its source image could not be used), so failing
 * requests are limited too. One write and no generation; nothing when the account has no document.
 */
export async function countRefusedAttempt(store: Store, uid: string, now: Date, weight = 1): Promise<void> {
  await store
    .runTransaction(async (tx) => {
      const user = (await tx.get(collections.users.doc(uid))).data;
      if (!user) return;
      const start = user.rateWindowStart;
      const fresh = !start || now.getTime() - start.getTime() >= WINDOW_MS;
      tx.update(collections.users.doc(uid), {
        rateWindowStart: fresh ? now : start,
        rateCount: (fresh ? 0 : (user.rateCount ?? 0)) + weight,
      });
    })
    .catch(() => undefined); // best effort: the refusal itself is what the caller must see
}

/** Runs source intake; when it refuses the image, the attempt still counts toward the window. */
export async function countedIfRefused<T>(
  store: Store,
  uid: string,
  now: Date,
  weight: number,
  intake: () => Promise<T>,
): Promise<T> {
  try {
    return await intake();
  } catch (err) {
    await countRefusedAttempt(store, uid, now, weight);
    throw err;
  }
}
