import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import { getDeps } from '../lib/deps.js';
import { PAYMENT_HASH_KEY, STRIPE_SECRET_KEY } from '../lib/config.js';
import { getAuthAdmin } from './auth-admin.js';
import { runPurge } from './purge.js';
import { stripeCustomerCleanup } from './stripe-customer-cleanup.js';

/**
 * Daily purge (see `purge.ts`). An account that fails keeps its mark, is recorded and retried
 * by later runs behind everyone else, and raises an ALERT log entry after repeated failures
 * (purge-queue.ts), so nobody's data outlives the 30 days promised unnoticed. Only a failure of
 * the run itself fails the invocation (and the scheduler retries it).
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
    if (counts.accountsFailed > 0) logger.warn('purge.done', { ...counts });
    else logger.info('purge.done', { ...counts });
  },
);
