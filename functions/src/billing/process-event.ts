/** Routes a verified Stripe event to the code that applies it; other event types are ignored. */
import type { Stripe } from 'stripe';
import type { Store } from '../lib/store/types.js';
import type { EventOutcome } from './event-record.js';
import { applyRefundEvent } from './refund-events.js';
import { applySessionEvent } from './session-events.js';

/** The event types this webhook acts on (configure the Stripe endpoint with exactly these). */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
] as const;

type HandledEvent = Extract<Stripe.Event, { type: (typeof HANDLED_EVENT_TYPES)[number] }>;

function isHandled(event: Stripe.Event): event is HandledEvent {
  return (HANDLED_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Applies a verified event once. Throws when the store fails, so the webhook answers 5xx and
 * Stripe retries; ignored types change nothing and report `ignored`.
 */
export async function processStripeEvent(
  store: Store,
  event: Stripe.Event,
  now: Date,
): Promise<EventOutcome> {
  if (!isHandled(event)) return { effect: 'ignored', uid: null };
  // The switch covers exactly HANDLED_EVENT_TYPES: a type listed without a case fails to compile
  // at `never` below; a case for an unlisted type cannot match the narrowed event.
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      // Bank transfers and konbini complete unpaid; their credits wait for async_payment_succeeded.
      const action = session.payment_status === 'paid' ? 'grant' : 'await';
      return applySessionEvent(store, event, session, action, now);
    }
    case 'checkout.session.async_payment_succeeded':
      return applySessionEvent(store, event, event.data.object, 'grant', now);
    case 'checkout.session.async_payment_failed':
      return applySessionEvent(store, event, event.data.object, 'fail', now);
    case 'checkout.session.expired':
      // Abandoned at checkout (Stripe expires an unpaid session after 24 h by default).
      return applySessionEvent(store, event, event.data.object, 'expire', now);
    case 'charge.refunded':
      return applyRefundEvent(store, event, event.data.object, now);
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
