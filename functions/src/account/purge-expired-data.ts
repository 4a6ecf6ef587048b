import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import { getDeps } from '../lib/deps.js';
import { PAYMENT_HASH_KEY, STRIPE_SECRET_KEY } from '../lib/config.js';
import { getAuthAdmin } from './auth-admin.js';
import { runPurge } from './purge.js';
import { stripeCustomerCleanup } from './stripe-customer-cleanup.js';

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
      stripeCustomerCleanup(),
    );
    logger.info('purge.done', { ...counts });
    if (counts.accountsFailed > 0) {
      throw new Error(`${counts.accountsFailed} account(s) could not be purged; the next run retries them.`);
    }
  },
);
