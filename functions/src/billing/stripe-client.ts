/**
 * The Stripe SDK, loaded lazily (`await import('stripe')`) so only the billing functions pay for
 * it at cold start, and replaceable in tests (a client pointed at a local fake HTTP server).
 */
import type { Stripe } from 'stripe';
import { STRIPE_SECRET_KEY } from '../lib/config.js';
import { domainError } from '../lib/errors.js';

export type StripeClient = Stripe;

let override: Stripe | undefined;
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
  if (override) return override;
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

/** Test hook: use this client (e.g. one pointed at a local fake server); `undefined` restores. */
export function setStripeClient(client: Stripe | undefined): void {
  override = client;
}
