/**
 * Billing callables: request/response schemas shared by functions and the web Credits page.
 * The client only ever names a pack and a currency; amounts come from server configuration.
 */
import { z } from 'zod';
import { CURRENCIES } from '../packs.js';
import { LOCALES } from '../docs.js';

/**
 * `createCheckoutSession` input. `packId` and `returnOrigin` are plain strings on purpose: the
 * server answers an unknown pack or a foreign origin with `invalid-argument` and a precise
 * `details.reason` (`unknown-pack`, `origin-not-allowed`) the page can branch on.
 */
export const createCheckoutSessionRequestSchema = z
  .object({
    packId: z.string().min(1).max(64),
    currency: z.enum(CURRENCIES),
    /** The UI language, passed to Stripe Checkout. */
    locale: z.enum(LOCALES),
    /** `window.location.origin` of the page; must be one of the app's configured origins exactly. */
    returnOrigin: z.string().min(1).max(200),
  })
  .strict();
export type CreateCheckoutSessionRequest = z.infer<typeof createCheckoutSessionRequestSchema>;

export const createCheckoutSessionResponseSchema = z.object({
  /** Stripe Checkout Session id; also the id of the `payments/{sessionId}` record. */
  sessionId: z.string(),
  /** Where to send the browser (`location.assign(url)`). */
  url: z.string().url(),
});
export type CreateCheckoutSessionResponse = z.infer<typeof createCheckoutSessionResponseSchema>;

/** Paths on the app origin Stripe returns to; the success page gets `?session_id=…`. */
export const CHECKOUT_RETURN_PATHS = {
  success: '/credits/success',
  cancel: '/credits/cancel',
} as const;

/**
 * Id of the ledger entry a Checkout Session's grant writes (`users/{uid}/ledger/<id>`). The
 * success page watches this document: it appears, in the same transaction as the new balance,
 * the moment the webhook grants the pack.
 */
export function purchaseLedgerEntryId(sessionId: string): string {
  return `purchase-${sessionId}`;
}
