/**
 * Delivers a Stripe event to the real `stripeWebhook` over HTTP, signed with the real library's
 * `generateTestHeaderString` and the local webhook secret — and delivers it twice, as Stripe may,
 * so every local purchase shows that a repeated event grants nothing more.
 */
import Stripe from 'stripe';

export interface Delivery {
  status: number;
  effect?: string;
}

/** Posts one signed payload; the webhook's JSON answer carries the effect it applied. */
async function post(url: string, payload: string, secret: string): Promise<Delivery> {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signature,
      'user-agent': 'Stripe/1.0 (local test checkout)',
    },
    body: payload,
  });
  const body = (await res.json().catch(() => ({}))) as { effect?: string };
  return { status: res.status, effect: body.effect };
}

/** The event Stripe sends when a Checkout Session is paid. */
export function completedEvent(session: object & { id: string }): string {
  return JSON.stringify({
    id: `evt_local_${session.id.replace(/^cs_/, '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: session },
  });
}

/** Sends `payload` twice; the first answer decides, the second shows the replay changed nothing. */
export async function deliverTwice(
  url: string,
  payload: string,
  secret: string,
): Promise<[Delivery, Delivery]> {
  const first = await post(url, payload, secret);
  const second = await post(url, payload, secret);
  return [first, second];
}
