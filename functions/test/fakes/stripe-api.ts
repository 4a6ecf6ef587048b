/**
 * A local stand-in for api.stripe.com at the network boundary, for tests only: the real
 * `stripe` SDK sends its real HTTP requests here through its host/port options. It records each
 * request and answers the few endpoints the product calls the way Stripe does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stripe } from 'stripe';
import { stripeModule } from '../../src/billing/stripe-client.js';
import { setDeps } from '../../src/lib/deps.js';

export interface ReceivedRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

/** What the fake knows about a PaymentIntent and its (latest) charge. */
export interface FakePaymentIntent {
  metadata: Record<string, string>;
  amount: number;
  amountRefunded: number;
}

export interface FakeStripeApi {
  readonly received: ReceivedRequest[];
  /** PaymentIntents by id; an unknown id answers 404 like Stripe. */
  readonly paymentIntents: Map<string, FakePaymentIntent>;
  /** The next request answers 500 (`api_error`). */
  failOnce(): void;
  /** An SDK client pointed at this fake (no retries, so a failure is seen at once). */
  client(): Promise<Stripe>;
  /** Starts the fake and makes {@link getStripe} return its client; returns a stop function. */
  install(): Promise<() => Promise<void>>;
  /** Installs a client of the started fake again (after a test's `resetDeps()`). */
  use(): Promise<void>;
}

export function fakeStripeApi(): FakeStripeApi {
  const received: ReceivedRequest[] = [];
  const paymentIntents = new Map<string, FakePaymentIntent>();
  let sessions = 0;
  let failNext = false;

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      received.push({ method: req.method ?? '', path: url.pathname, form: new URLSearchParams(body) });
      const answer = (status: number, json: unknown) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(json));
      };
      const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(url.pathname)?.[1];
      if (failNext) {
        failNext = false;
        answer(500, { error: { type: 'api_error', message: 'boom' } });
      } else if (url.pathname === '/v1/customers') {
        answer(200, { id: `cus_test_${received.length}`, object: 'customer' });
      } else if (url.pathname === '/v1/checkout/sessions') {
        const id = `cs_test_${++sessions}`;
        answer(200, {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.com/c/pay/${id}`,
          amount_total: 500,
          currency: 'jpy',
        });
      } else if (intent && paymentIntents.has(intent)) {
        const pi = paymentIntents.get(intent)!;
        const charge = {
          id: `ch_for_${intent}`,
          object: 'charge',
          amount: pi.amount,
          amount_refunded: pi.amountRefunded,
          refunded: pi.amountRefunded >= pi.amount,
        };
        const expanded = [...url.searchParams].some(
          ([k, v]) => k.startsWith('expand') && v === 'latest_charge',
        );
        answer(200, {
          id: intent,
          object: 'payment_intent',
          amount: pi.amount,
          amount_received: pi.amount,
          status: 'succeeded',
          metadata: pi.metadata,
          latest_charge: expanded ? charge : charge.id,
        });
      } else {
        answer(404, { error: { type: 'invalid_request_error', message: 'No such resource' } });
      }
    });
  });

  const client = async () => {
    const Stripe = await stripeModule();
    const { port } = server.address() as AddressInfo;
    return new Stripe('sk_test_local', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
  };

  const use = async () => setDeps({ stripe: await client() });

  return {
    received,
    paymentIntents,
    failOnce: () => void (failNext = true),
    client,
    use,
    async install() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      await use();
      return async () => {
        setDeps({ stripe: undefined });
        await new Promise((r) => server.close(r));
      };
    },
  };
}
