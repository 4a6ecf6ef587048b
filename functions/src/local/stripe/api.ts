/**
 * A minimal local Stripe API for the real `stripe` SDK, which the local backend points here
 * (its `host`/`port`/`protocol` options): customers and Checkout Sessions, answering in Stripe's
 * shapes and error format, honouring `Idempotency-Key`. A session's `url` opens the local test
 * checkout page (`checkout.ts`) instead of checkout.stripe.com.
 */
import { Router, urlencoded, type Request, type Response } from 'express';
import type { Store } from '../../lib/store/types.js';
import {
  chargePath,
  intentPath,
  priceOf,
  publicSession,
  readSession,
  stripeId,
  type LocalSession,
} from './sessions.js';

/** The SDK always calls `/v1/…` on its host (it has no base-path option). */
const V1 = '/v1';

function stripeError(res: Response, status: number, message: string, param?: string): void {
  res.status(status).json({ error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } });
}

type Form = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((v ?? {}) as Form).filter(([, x]) => typeof x === 'string')) as Record<
    string,
    string
  >;

/**
 * Runs `create` once per `Idempotency-Key`: a retry with the same key gets the same object, as
 * Stripe promises (keys are kept with the objects, not expired, in this local stand-in).
 */
async function idempotent<T extends { id: string }>(
  store: Store,
  req: Request,
  kind: string,
  create: () => T,
): Promise<T> {
  const key = req.header('idempotency-key');
  return store.runTransaction(async (tx) => {
    const marker = key ? `idempotency/${encodeURIComponent(`${kind}:${key}`)}` : undefined;
    if (marker) {
      const seen = (await tx.get(marker)).data;
      if (seen) return (await tx.get(String(seen.path))).data as T;
    }
    const object = create();
    const path = `${kind}/${object.id}`;
    tx.set(path, { ...object });
    if (marker) tx.set(marker, { path });
    return object;
  });
}

/**
 * The API under `/v1`; requests must carry `secretKey` as Stripe's do (a wrong key is Stripe's
 * 401 `authentication_error`, so a misconfigured client fails here as it would there).
 */
export function localStripeApi(store: Store, origin: () => string, secretKey: string): Router {
  const router = Router();
  router.use(V1, (req, res, next) => {
    if (req.header('authorization') === `Bearer ${secretKey}`) return next();
    res.status(401).json({ error: { type: 'authentication_error', message: 'Invalid API Key provided.' } });
  });
  router.use(V1, urlencoded({ extended: true, limit: '1mb' }));

  router.post(`${V1}/customers`, async (req, res) => {
    const form = req.body as Form;
    const customer = await idempotent(store, req, 'customers', () => ({
      id: stripeId('cus'),
      object: 'customer',
      email: str(form.email) ?? null,
      metadata: strings(form.metadata),
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    }));
    res.json(customer);
  });

  router.post(`${V1}/checkout/sessions`, async (req, res) => {
    const form = req.body as Form;
    const items = Array.isArray(form.line_items) ? (form.line_items as Form[]) : [];
    const price = priceOf(str(items[0]?.price) ?? '');
    if (items.length !== 1 || !price)
      return stripeError(res, 400, 'No such price in the local test checkout.', 'line_items');
    const [successUrl, cancelUrl] = [str(form.success_url), str(form.cancel_url)];
    if (!successUrl || !cancelUrl) return stripeError(res, 400, 'success_url and cancel_url are required.');
    const now = Math.floor(Date.now() / 1000);
    const session = await idempotent<LocalSession>(store, req, 'sessions', () => {
      const id = stripeId('cs_test');
      return {
        id,
        object: 'checkout.session',
        mode: str(form.mode) ?? 'payment',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: price.amount,
        currency: price.currency,
        customer: str(form.customer) ?? null,
        client_reference_id: str(form.client_reference_id) ?? null,
        metadata: strings(form.metadata),
        payment_intent: null,
        locale: str(form.locale) ?? null,
        success_url: successUrl,
        cancel_url: cancelUrl,
        url: `${origin()}/checkout/${id}`,
        created: now,
        expires_at: now + 24 * 3600,
        livemode: false,
        packId: price.packId,
        intentMetadata: strings((form.payment_intent_data as Form | undefined)?.metadata),
      };
    });
    res.json(publicSession(session));
  });

  router.get(`${V1}/checkout/sessions/:id`, async (req, res) => {
    const session = await readSession(store, req.params.id);
    if (!session) return stripeError(res, 404, `No such checkout.session: ${req.params.id}`);
    res.json(publicSession(session));
  });

  router.get(`${V1}/payment_intents/:id`, async (req, res) => {
    const intent = (await store.get(intentPath(req.params.id))).data;
    if (!intent) return stripeError(res, 404, `No such payment_intent: ${req.params.id}`);
    const expand = ([] as unknown[]).concat(req.query.expand ?? []);
    const charge = expand.includes('latest_charge')
      ? (await store.get(chargePath(String(intent.latest_charge)))).data
      : undefined;
    res.json({ ...intent, ...(charge ? { latest_charge: charge } : {}) });
  });

  router.get(`${V1}/charges/:id`, async (req, res) => {
    const charge = (await store.get(chargePath(req.params.id))).data;
    if (!charge) return stripeError(res, 404, `No such charge: ${req.params.id}`);
    res.json(charge);
  });

  router.all(`${V1}/*`, (req, res) =>
    stripeError(res, 404, `The local test checkout does not implement ${req.method} ${req.path}.`),
  );
  return router;
}
