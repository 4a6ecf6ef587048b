/**
 * The local test checkout: the page a Checkout Session's `url` opens in local mode, with Pay and
 * Cancel. Pay marks the session paid and completes the purchase through the real `stripeWebhook`
 * (an event signed by the real library, delivered twice), then returns to the session's success
 * URL; Cancel returns to its cancel URL, as Stripe Checkout does.
 */
import { Router, type Request } from 'express';
import type { Store } from '../../lib/store/types.js';
import { renderCheckout } from './checkout-page.js';
import { checkoutLang } from './checkout-text.js';
import { completedEvent, deliverTwice } from './deliver.js';
import { payForSession, publicSession, readSession, sessionPath, type LocalSession } from './sessions.js';

export interface CheckoutDeps {
  store: Store;
  webhookSecret: string;
  /** URL of the `stripeWebhook` function on this backend. */
  webhookUrl: () => string;
}

const lang = (req: Request, session?: LocalSession) => checkoutLang(req.query.lang, session?.locale);

export function localCheckout({ store, webhookSecret, webhookUrl }: CheckoutDeps): Router {
  const router = Router();

  router.get('/checkout/:id', async (req, res) => {
    const session = await readSession(store, req.params.id);
    res
      .status(session ? 200 : 404)
      .type('html')
      .set('cache-control', 'no-store')
      .send(renderCheckout({ lang: lang(req, session), session }, `/checkout/${req.params.id}`));
  });

  router.post('/checkout/:id/pay', async (req, res) => {
    const session = await readSession(store, req.params.id);
    if (!session || session.status !== 'open') {
      res.redirect(303, `/checkout/${req.params.id}`);
      return;
    }
    const paid = await payForSession(store, session);
    const [first, second] = await deliverTwice(
      webhookUrl(),
      completedEvent(publicSession(paid)),
      webhookSecret,
    );
    console.info(
      `[checkout] ${session.id}: checkout.session.completed delivered twice → ${first.status} ${first.effect}, ${second.status} ${second.effect}`,
    );
    if (first.status !== 200) {
      // Stripe would retry; here the person can, from the page (the session stays open).
      await store.batch([{ kind: 'set', path: sessionPath(session.id), data: { ...session } }]);
      res
        .status(502)
        .type('html')
        .send(renderCheckout({ lang: lang(req, session), session, failed: true }, `/checkout/${session.id}`));
      return;
    }
    res.redirect(303, paid.success_url.replace('{CHECKOUT_SESSION_ID}', paid.id));
  });

  router.post('/checkout/:id/cancel', async (req, res) => {
    const session = await readSession(store, req.params.id);
    res.redirect(303, session ? session.cancel_url : `/checkout/${req.params.id}`);
  });

  return router;
}
