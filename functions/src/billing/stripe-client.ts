/**
 * The Stripe SDK, loaded lazily (`await import('stripe')`) so only the billing functions pay for
 * it at cold start, and replaceable through `setDeps({ stripe })` (tests: a client pointed at a
 * local fake HTTP server; local mode: its own Stripe API).
 */
import type { Stripe } from 'stripe';
import { STRIPE_SECRET_KEY } from '../lib/config.js';
import { domainError } from '../lib/errors.js';
import { serviceOverride } from '../lib/deps.js';

export type StripeClient = Stripe;

let built: { key: string; client: Stripe } | undefined;

/** The `Stripe` class itself (static helpers such as `webhooks` need no API key). */
export async function stripeModule(): Promise<typeof Stripe> {
  return (await import('stripe')).default;
}

/**
 * The API client for the secret key bound to this function. A missing key is a deployment
 * mistake, reported as `failed-precondition` rather than a confusing Stripe auth error.
 */
export async function getStripe(): Promise<Stripe> {
  const replaced = serviceOverride('stripe');
  if (replaced) return replaced;
  const key = STRIPE_SECRET_KEY.value();
  if (!key) {
    throw domainError(
      'failed-precondition',
      'payments-not-configured',
      'Payments are not configured yet. Please try again later.',
    );
  }
  if (built?.key !== key) {
    const StripeCtor = await stripeModule();
    // Retries reuse one idempotency key, so a flaky network never creates two sessions.
    built = { key, client: new StripeCtor(key, { maxNetworkRetries: 2, timeout: 20_000 }) };
  }
  return built.client;
}
