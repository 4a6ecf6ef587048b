// Only re-exports; global options must be imported before any trigger module.
import './lib/global-options.js';

export { getCatalog } from './catalog/get-catalog.js';
export { createCheckoutSession } from './billing/create-checkout-session.js';
export { stripeWebhook } from './billing/stripe-webhook.js';
