/**
 * Billing settings read from parameters (config.ts) at call time: the app origins Stripe may
 * send people back to, and the Stripe Price id of each pack and currency.
 */
import type { Currency } from '@mimicit/shared';
import { APP_ORIGINS, STRIPE_PRICES, listParam } from '../lib/config.js';
import { domainError } from '../lib/errors.js';

/** True when `origin` is exactly one of `APP_ORIGINS` (no prefix or suffix matching). */
export function isAllowedOrigin(origin: string): boolean {
  return listParam(APP_ORIGINS.value()).includes(origin);
}

/**
 * The Stripe Price id for a pack in a currency, from the `STRIPE_PRICES` JSON parameter. A
 * missing or malformed entry is a configuration gap, not the caller's fault.
 */
export function priceIdFor(packId: string, currency: Currency): string {
  let table: unknown;
  try {
    table = JSON.parse(STRIPE_PRICES.value() || '{}');
  } catch {
    throw notConfigured(packId, currency);
  }
  const price = (table as Record<string, Record<string, unknown> | undefined> | null)?.[packId]?.[currency];
  if (typeof price !== 'string' || !price.startsWith('price_')) throw notConfigured(packId, currency);
  return price;
}

function notConfigured(packId: string, currency: Currency) {
  return domainError(
    'failed-precondition',
    'price-not-configured',
    `The ${packId} pack cannot be bought in ${currency.toUpperCase()} right now (no price configured). Please choose another currency or try again later.`,
    { packId, currency },
  );
}
