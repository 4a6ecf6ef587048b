// The local Stripe API and test checkout with the real `stripe` SDK: sessions as the real
// createCheckoutSession asks for them, and Pay delivering a correctly signed event twice to the
// webhook URL (here a recorder; the journeys deliver to the real stripeWebhook).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../store/file-store.js';
import { localStripeApi } from './api.js';
import { localCheckout } from './checkout.js';

const SECRET = 'whsec_local_test';
const deliveries: { body: string; signature: string }[] = [];
let webhookStatus = 200;
let dir: string;
let store: FileStore;
let servers: Server[] = [];
let origin = '';
let stripe: Stripe;

async function listen(app: express.Express | ((req: never, res: never) => void)): Promise<string> {
  const server = createServer(app as never);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mimicit-stripe-'));
  store = await FileStore.open(dir);
  const webhook = await listen(
    express()
      .use(express.text({ type: '*/*' }))
      .post('/hook', (req, res) => {
        deliveries.push({ body: req.body as string, signature: req.header('stripe-signature') ?? '' });
        res.status(webhookStatus).json({ effect: deliveries.length === 1 ? 'granted' : 'duplicate' });
      }),
  );
  const app = express();
  app.use(localStripeApi(store, () => origin, 'sk_test_local'));
  app.use(localCheckout({ store, webhookSecret: SECRET, webhookUrl: () => `${webhook}/hook` }));
  origin = await listen(app);
  const { port } = new URL(origin);
  stripe = new Stripe('sk_test_local', {
    host: '127.0.0.1',
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (over: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: 'price_local_starter_jpy', quantity: 1 }],
    client_reference_id: 'u1',
    metadata: { uid: 'u1', packId: 'starter', credits: '50' },
    payment_intent_data: { metadata: { uid: 'u1', packId: 'starter', credits: '50' } },
    locale: 'ja',
    success_url: 'http://127.0.0.1:5173/credits/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:5173/credits/cancel',
    ...over,
  });

describe('local Stripe API', () => {
  it('refuses a client with another key, as Stripe does', async () => {
    const { port } = new URL(origin);
    const wrong = new Stripe('sk_test_other', {
      host: '127.0.0.1',
      port: Number(port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(wrong.customers.create({})).rejects.toMatchObject({ type: 'StripeAuthenticationError' });
  });

  it('creates one customer per idempotency key, as Stripe does', async () => {
    const a = await stripe.customers.create(
      { email: 'a@example.com', metadata: { uid: 'u1' } },
      { idempotencyKey: 'k1' },
    );
    const b = await stripe.customers.create(
      { email: 'a@example.com', metadata: { uid: 'u1' } },
      { idempotencyKey: 'k1' },
    );
    const c = await stripe.customers.create({ metadata: { uid: 'u2' } }, { idempotencyKey: 'k2' });
    expect(a.id).toMatch(/^cus_local_/);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it('creates a Checkout Session priced from the pack, whose url opens the test checkout', async () => {
    const s = await session();
    expect(s).toMatchObject({
      object: 'checkout.session',
      amount_total: 500,
      currency: 'jpy',
      status: 'open',
    });
    expect(s.url).toBe(`${origin}/checkout/${s.id}`);
    await expect(session({ line_items: [{ price: 'price_live_123', quantity: 1 }] })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
    });
  });
});

describe('local test checkout', () => {
  it('is labelled as a test in the session’s language, with Pay and Cancel', async () => {
    const s = await session();
    const ja = await (await fetch(s.url!)).text();
    expect(ja).toContain('実際のお金は動きません');
    expect(ja).toContain('data-test="checkout-pay"');
    const en = await (await fetch(`${s.url}?lang=en`)).text();
    expect(en).toContain('TEST — no money moves');
    expect(en).toContain('¥500');
  });

  it('Pay delivers checkout.session.completed, signed, twice, then returns to the success URL', async () => {
    deliveries.length = 0;
    const s = await session();
    const res = await fetch(`${s.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`http://127.0.0.1:5173/credits/success?session_id=${s.id}`);
    expect(deliveries).toHaveLength(2);
    expect(deliveries[1]!.body).toBe(deliveries[0]!.body);
    for (const d of deliveries) {
      const event = Stripe.webhooks.constructEvent(d.body, d.signature, SECRET);
      expect(event.type).toBe('checkout.session.completed');
      expect(event.data.object as Stripe.Checkout.Session).toMatchObject({
        id: s.id,
        payment_status: 'paid',
        client_reference_id: 'u1',
        metadata: { uid: 'u1', packId: 'starter', credits: '50' },
      });
    }
    // The PaymentIntent the webhook asks Stripe about: ours (metadata), paid, nothing refunded.
    const { payment_intent: intentId } = Stripe.webhooks.constructEvent(
      deliveries[0]!.body,
      deliveries[0]!.signature,
      SECRET,
    ).data.object as Stripe.Checkout.Session;
    const intent = await stripe.paymentIntents.retrieve(String(intentId), { expand: ['latest_charge'] });
    expect(intent).toMatchObject({ amount_received: 500, metadata: { uid: 'u1', packId: 'starter' } });
    expect(intent.latest_charge).toMatchObject({ object: 'charge', amount: 500, amount_refunded: 0 });
    // Paying again does not deliver again: the session is complete.
    await fetch(`${s.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(deliveries).toHaveLength(2);
    expect(await (await fetch(s.url!)).text()).toContain('data-test="checkout-complete"');
  });

  it('keeps the session open and says so when the webhook refuses the event', async () => {
    webhookStatus = 500;
    const s = await session();
    const res = await fetch(`${s.url}/pay?lang=en`, { method: 'POST', redirect: 'manual' });
    webhookStatus = 200;
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('data-test="checkout-failed"');
    expect((await stripe.checkout.sessions.retrieve(s.id)).status).toBe('open');
  });

  it('Cancel returns to the cancel URL', async () => {
    const s = await session();
    const res = await fetch(`${s.url}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:5173/credits/cancel');
  });
});
