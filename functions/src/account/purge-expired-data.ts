import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import { getDeps } from '../lib/deps.js';
import { PAYMENT_HASH_KEY, STRIPE_SECRET_KEY } from '../lib/config.js';
import { getStripe } from '../billing/stripe-client.js';
import { getAuthAdmin } from './auth-admin.js';
import { runPurge, type PurgeExternals } from './purge.js';

/** Stripe Customer deletion, when payments are configured (otherwise there are no customers). */
function externals(): PurgeExternals {
  if (!STRIPE_SECRET_KEY.value()) {
    logger.warn('purge.stripeNotConfigured');
    return {};
  }
  return {
    deleteStripeCustomer: async (customerId) => {
      try {
        await (await getStripe()).customers.del(customerId);
      } catch (err) {
        // Already deleted by an earlier, interrupted run.
        if ((err as { code?: unknown } | null)?.code !== 'resource_missing') throw err;
      }
    },
  };
}

/**
 * Daily purge (see `purge.ts`). A run that fails for some accounts reports an error so it
 * shows up in monitoring; their marks stay and the next run (or the scheduler's retry) finishes
 * them, so nobody's data outlives the 30 days promised.
 */
export const purgeExpiredData = onSchedule(
  {
    schedule: 'every day 03:00',
    timeZone: 'Asia/Tokyo',
    secrets: [PAYMENT_HASH_KEY, STRIPE_SECRET_KEY],
    timeoutSeconds: 540,
    memory: '512MiB',
    retryCount: 2,
  },
  async () => {
    const deps = await getDeps();
    const counts = await runPurge(
      deps,
      getAuthAdmin(),
      PAYMENT_HASH_KEY.value(),
      deps.clock.now(),
      externals(),
    );
    logger.info('purge.done', { ...counts });
    if (counts.accountsFailed > 0) {
      throw new Error(`${counts.accountsFailed} account(s) could not be purged; the next run retries them.`);
    }
  },
);
