/**
 * Every secret and parameter, declared once. Secrets are bound per function (`secrets: [...]`)
 * and read with `.value()` only inside handlers. Nothing here is ever logged.
 */
import { defineInt, defineSecret, defineString } from 'firebase-functions/params';

export const OPENAI_API_KEY = defineSecret('OPENAI_API_KEY');
export const GEMINI_API_KEY = defineSecret('GEMINI_API_KEY');
export const FAL_KEY = defineSecret('FAL_KEY');
export const STRIPE_SECRET_KEY = defineSecret('STRIPE_SECRET_KEY');
export const STRIPE_WEBHOOK_SECRET = defineSecret('STRIPE_WEBHOOK_SECRET');
/** Key for the keyed hash that replaces a deleted user's uid on kept payment records. */
export const PAYMENT_HASH_KEY = defineSecret('PAYMENT_HASH_KEY');

/** Comma-separated exact origins of the web app (checkout redirects, extension bridge). */
export const APP_ORIGINS = defineString('APP_ORIGINS', {
  default: 'http://127.0.0.1:5173,http://localhost:5173',
  description: 'Exact origins of the web app, comma-separated; the first is the canonical one.',
});

/** Comma-separated Chrome extension ids allowed to receive sign-in tokens. */
export const EXTENSION_IDS = defineString('EXTENSION_IDS', { default: '' });

/**
 * Stripe Price ids per pack and currency as JSON:
 * `{"starter":{"jpy":"price_…","usd":"price_…"},…}`.
 */
export const STRIPE_PRICES = defineString('STRIPE_PRICES', { default: '{}' });

/** Free credits granted once per account at sign-up. */
export const SIGNUP_GRANT_CREDITS = defineInt('SIGNUP_GRANT_CREDITS', { default: 10 });

/** Splits a comma-separated parameter into trimmed, non-empty parts. */
export function listParam(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
