/**
 * `stripeWebhook`: Stripe's calls into Mimicit. The signature is verified on the raw body with
 * the official library before anything is read; a bad or missing signature is 400 and changes
 * nothing. A verified event is applied once (see process-event.ts); a processing failure is 500
 * and an event that came too early (a refund before its grant) 503, so Stripe delivers it again;
 * ignored event types are acknowledged with 200.
 */
import { onRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import type { Stripe } from 'stripe';
import { PAYMENT_HASH_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from '../lib/config.js';
import { RetryLaterError } from './event-record.js';
import { getDeps } from '../lib/deps.js';
import { accessLogEntry, requestMeta, writeAccessLog } from '../lib/access-log.js';
import { processStripeEvent } from './process-event.js';
import { stripeModule } from './stripe-client.js';

type HeaderBag = Record<string, string | string[] | undefined>;

/** The parts of the HTTP request the webhook reads (an Express request in production). */
export interface WebhookRequest {
  method: string;
  rawBody?: Buffer;
  headers: HeaderBag;
  ip?: string;
}

/** The parts of the HTTP response the webhook writes. */
export interface WebhookResponse {
  status(code: number): WebhookResponse;
  json(body: unknown): unknown;
}

/** Handles one delivery; exported on its own so tests call it with fake req/res objects. */
export async function handleStripeWebhook(req: WebhookRequest, res: WebhookResponse): Promise<void> {
  const deps = await getDeps();
  let uid: string | null = null;
  try {
    if (req.method !== 'POST') {
      res.status(405).json({ error: 'method-not-allowed' });
      return;
    }
    const secret = STRIPE_WEBHOOK_SECRET.value();
    if (!secret) {
      // A deployment mistake: 500 keeps the event queued at Stripe until the secret is bound.
      logger.error('stripeWebhook.notConfigured');
      res.status(500).json({ error: 'not-configured' });
      return;
    }
    const event = await verify(req, secret);
    if (!event) {
      res.status(400).json({ error: 'invalid-signature' });
      return;
    }
    try {
      const outcome = await processStripeEvent(deps.store, event, deps.clock.now());
      uid = outcome.uid;
      logger.info('stripeWebhook.processed', {
        eventId: event.id,
        type: event.type,
        effect: outcome.effect,
        uid,
      });
      res.status(200).json({ received: true, effect: outcome.effect });
    } catch (err) {
      if (err instanceof RetryLaterError) {
        // Expected, not a fault: Stripe redelivers it (see RetryLaterError).
        logger.warn('stripeWebhook.retryLater', { eventId: event.id, type: event.type, reason: err.reason });
        res.status(503).json({ error: 'retry-later', reason: err.reason });
        return;
      }
      logger.error('stripeWebhook.failed', { eventId: event.id, type: event.type, error: errorName(err) });
      res.status(500).json({ error: 'processing-failed' });
    }
  } finally {
    // Never allowed to change the answer Stripe gets: a logging failure is only a warning.
    await writeAccessLog(
      deps.store,
      accessLogEntry(uid, 'stripeWebhook', requestMeta(req), deps.clock.now()),
    ).catch((err: unknown) =>
      logger.warn('accessLog.writeFailed', { operation: 'stripeWebhook', error: errorName(err) }),
    );
  }
}

/** The verified event, or `undefined` when the body or signature does not check out. */
async function verify(req: WebhookRequest, secret: string): Promise<Stripe.Event | undefined> {
  const signature = req.headers['stripe-signature'];
  if (!req.rawBody || typeof signature !== 'string' || !signature) {
    logger.warn('stripeWebhook.badSignature', { reason: req.rawBody ? 'missing-signature' : 'missing-body' });
    return undefined;
  }
  try {
    const StripeCtor = await stripeModule();
    return StripeCtor.webhooks.constructEvent(req.rawBody, signature, secret);
  } catch (err) {
    // The library's message says which check failed (timestamp, signature); it holds no secret.
    logger.warn('stripeWebhook.badSignature', { reason: errorName(err) });
    return undefined;
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : 'non-error thrown';
}

// STRIPE_SECRET_KEY: refunds and grants ask Stripe about their PaymentIntent (payment-facts.ts);
// PAYMENT_HASH_KEY: grants honour purged accounts' tombstones (account/tombstones.ts).
export const stripeWebhook = onRequest(
  { secrets: [STRIPE_WEBHOOK_SECRET, STRIPE_SECRET_KEY, PAYMENT_HASH_KEY], cors: false },
  handleStripeWebhook,
);
