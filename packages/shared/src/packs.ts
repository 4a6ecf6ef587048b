/**
 * Credit packs. Prices shown here are display amounts; what Stripe charges comes from the
 * Stripe Price ids in server configuration. Clients only ever send a pack id.
 */
export const CURRENCIES = ['jpy', 'usd'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface CreditPack {
  id: string;
  credits: number;
  /** Amount in the currency's smallest unit (yen; cents). */
  prices: Record<Currency, number>;
  label: { en: string; ja: string };
}

export const CREDIT_PACKS: readonly CreditPack[] = [
  { id: 'starter', credits: 50, prices: { jpy: 500, usd: 400 }, label: { en: 'Starter', ja: 'スターター' } },
  {
    id: 'creator',
    credits: 200,
    prices: { jpy: 1800, usd: 1400 },
    label: { en: 'Creator', ja: 'クリエイター' },
  },
  { id: 'studio', credits: 600, prices: { jpy: 4800, usd: 3600 }, label: { en: 'Studio', ja: 'スタジオ' } },
];

export function findPack(id: string): CreditPack | undefined {
  return CREDIT_PACKS.find((p) => p.id === id);
}

/** Formats an amount in a currency's smallest unit for display. */
export function formatPrice(amount: number, currency: Currency, locale: string): string {
  const major = currency === 'jpy' ? amount : amount / 100;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(major);
}
