import * as logger from 'firebase-functions/logger';
import { STRIPE_SECRET_KEY } from '../lib/config.js';
import { getStripe } from '../billing/stripe-client.js';
import type { PurgeExternals } from './purge.js';

/** Stripe Customer deletion, when payments are configured (otherwise there are no customers). */
export function stripeCustomerCleanup(): PurgeExternals {
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
