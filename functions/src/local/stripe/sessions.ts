/**
 * State of the local Stripe API (customers and Checkout Sessions), in its own persisted store so
 * a checkout left open survives a restart. Only what Mimicit's code sends and reads is modelled.
 */
import { randomBytes } from 'node:crypto';
import { CREDIT_PACKS, CURRENCIES, type Currency } from '@mimicit/shared';
import type { Store } from '../../lib/store/types.js';
import { localPriceId } from '../runtime/config.js';

export interface LocalSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_total: number;
  currency: Currency;
  customer: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  locale: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  created: number;
  expires_at: number;
  livemode: false;
  /** The pack, for the test checkout page. */
  packId: string;
}

export const stripeId = (prefix: string) => `${prefix}_local_${randomBytes(12).toString('hex')}`;

/** The pack and currency behind a local price id, or undefined for an unknown price. */
export function priceOf(priceId: string): { packId: string; amount: number; currency: Currency } | undefined {
  for (const pack of CREDIT_PACKS)
    for (const currency of CURRENCIES)
      if (localPriceId(pack.id, currency) === priceId)
        return { packId: pack.id, amount: pack.prices[currency], currency };
  return undefined;
}

export const sessionPath = (id: string) => `sessions/${id}`;

export async function readSession(store: Store, id: string): Promise<LocalSession | undefined> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(id)) return undefined;
  return (await store.get<LocalSession>(sessionPath(id))).data;
}
