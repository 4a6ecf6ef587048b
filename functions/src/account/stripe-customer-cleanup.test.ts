// The purge's Stripe step with the real Stripe SDK against a local fake of its HTTP API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Stripe from 'stripe';
import { stripeCustomerCleanup } from './stripe-customer-cleanup.js';
import { setDeps } from '../lib/deps.js';

describe('stripeCustomerCleanup', () => {
  const deleted: string[] = [];
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const id = /^\/v1\/customers\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      res.setHeader('content-type', 'application/json');
      if (req.method === 'DELETE' && id === 'cus_live') {
        deleted.push(id);
        res.end(JSON.stringify({ id, object: 'customer', deleted: true }));
      } else if (req.method === 'DELETE' && id === 'cus_broken') {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'boom' } }));
      } else {
        res.statusCode = 404;
        res.end(
          JSON.stringify({
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such customer: '${id}'`,
            },
          }),
        );
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    setDeps({
      stripe: new Stripe('sk_test_local', {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
      }),
    });
  });
  afterAll(async () => {
    setDeps({ stripe: undefined });
    await new Promise((r) => server.close(r));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('deletes the customer, treats an already-deleted one as done, and fails on server errors', async () => {
    vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_local');
    const { deleteStripeCustomer } = stripeCustomerCleanup();
    await deleteStripeCustomer?.('cus_live');
    expect(deleted).toEqual(['cus_live']);
    await expect(deleteStripeCustomer?.('cus_gone')).resolves.toBeUndefined();
    await expect(deleteStripeCustomer?.('cus_broken')).rejects.toThrow();
  });

  it('does nothing when payments are not configured', () => {
    vi.stubEnv('STRIPE_SECRET_KEY', '');
    expect(stripeCustomerCleanup().deleteStripeCustomer).toBeUndefined();
  });
});
