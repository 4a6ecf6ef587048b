/**
 * Parameters and secrets in local mode. The Functions emulator resolves every declared
 * parameter to its value or default and reads secrets from `functions/.secret.local`; the local
 * backend does the same, and supplies local values where production has real ones: Stripe
 * Price ids of the local test checkout, a Stripe key and webhook secret that only the local
 * Stripe API knows, and a payment-hash key kept in the data folder (stable across restarts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDIT_PACKS, CURRENCIES } from '@mimicit/shared';
import { writeAtomic } from '../store/files.js';

/** The local Stripe API's price id of a pack in a currency. */
export const localPriceId = (packId: string, currency: string) => `price_local_${packId}_${currency}`;

/** `STRIPE_PRICES` for the local test checkout: every pack in every currency. */
export function localStripePrices(): string {
  return JSON.stringify(
    Object.fromEntries(
      CREDIT_PACKS.map((p) => [p.id, Object.fromEntries(CURRENCIES.map((c) => [c, localPriceId(p.id, c)]))]),
    ),
  );
}

export interface LocalSecrets {
  STRIPE_SECRET_KEY: string;
  STRIPE_WEBHOOK_SECRET: string;
  PAYMENT_HASH_KEY: string;
  /** Key of the local signed download links. */
  BLOB_SIGNING_KEY: string;
}

/** The data folder's secrets, made on first start and kept (never anything real). */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const hex = () => randomBytes(24).toString('hex');
  const secrets: LocalSecrets = {
    STRIPE_SECRET_KEY: `sk_test_local_${hex()}`,
    STRIPE_WEBHOOK_SECRET: `whsec_local_${hex()}`,
    PAYMENT_HASH_KEY: hex(),
    BLOB_SIGNING_KEY: hex(),
  };
  writeAtomic(file, JSON.stringify(secrets, null, 2));
  return secrets;
}

/** `KEY=value` lines of `functions/.secret.local` (provider keys for trying real models locally). */
export function secretLocalFile(functionsDir: string): Record<string, string> {
  const file = join(functionsDir, '.secret.local');
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

interface DeclaredParam {
  name: string;
  options?: { default?: unknown };
}

/**
 * Gives every declared non-secret parameter without a value its default, as the emulator does
 * when it starts functions (parameters read `process.env` at run time, defaults are applied by
 * the CLI, not by the SDK).
 */
export function applyParamDefaults(declared: readonly unknown[], env: NodeJS.ProcessEnv = process.env): void {
  for (const p of declared as DeclaredParam[]) {
    const fallback = p.options?.default;
    if (env[p.name] === undefined && ['string', 'number', 'boolean'].includes(typeof fallback)) {
      env[p.name] = String(fallback);
    }
  }
}
