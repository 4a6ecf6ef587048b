/**
 * Per-user limits: how many generations may be pending at once, and how many requests per
 * fixed one-minute window (`rateLimits/{uid}`). Checked before any image is loaded or any credit
 * reserved, in one transaction so parallel calls cannot all slip through.
 */
import { COLLECTIONS, paths, type RateLimitDoc } from '@mimicit/shared';
import type { Store } from '../lib/store/types.js';
import { domainError } from '../lib/errors.js';
import { pipelineOptions } from './options.js';

const WINDOW_MS = 60_000;

/** Counts `weight` requests (a comparison of 3 models weighs 3) or throws `resource-exhausted`. */
export async function checkRateLimit(store: Store, uid: string, now: Date, weight = 1): Promise<void> {
  const { maxConcurrentPending, maxRequestsPerMinute } = pipelineOptions();
  await store.runTransaction(async (tx) => {
    const [limit, pending] = await Promise.all([
      tx.get<RateLimitDoc>(paths.rateLimit(uid)),
      tx.query({
        collection: `${paths.user(uid)}/${COLLECTIONS.generations}`,
        where: [['status', '==', 'pending']],
        limit: maxConcurrentPending,
      }),
    ]);
    if (pending.length + weight > maxConcurrentPending) {
      throw domainError(
        'resource-exhausted',
        'too-many-pending',
        `You already have ${pending.length} generations running. Wait for one to finish.`,
      );
    }
    const current = limit.data;
    const fresh = !current || now.getTime() - current.windowStart.getTime() >= WINDOW_MS;
    const count = fresh ? 0 : current.count;
    if (count + weight > maxRequestsPerMinute) {
      throw domainError(
        'resource-exhausted',
        'rate-limited',
        'Too many requests in a minute. Try again shortly.',
        {
          retryAfterSeconds: Math.ceil((current!.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000),
        },
      );
    }
    const windowStart = fresh ? now : current.windowStart;
    tx.set(paths.rateLimit(uid), {
      windowStart,
      count: count + weight,
      expireAt: new Date(windowStart.getTime() + 2 * WINDOW_MS),
    } satisfies RateLimitDoc);
  });
}
