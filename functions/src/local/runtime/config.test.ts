import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDIT_PACKS, CURRENCIES } from '@mimicit/shared';
import { priceIdFor } from '../../billing/settings.js';
import { applyParamDefaults, localSecrets, localStripePrices } from './config.js';

afterEach(() => vi.unstubAllEnvs());

describe('local parameters and secrets', () => {
  it('gives the real checkout handler a local price for every pack and currency', () => {
    vi.stubEnv('STRIPE_PRICES', localStripePrices());
    for (const pack of CREDIT_PACKS)
      for (const currency of CURRENCIES)
        expect(priceIdFor(pack.id, currency)).toBe(`price_local_${pack.id}_${currency}`);
  });

  it('keeps the data folder’s secrets across restarts, and makes none real', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimicit-secrets-'));
    try {
      const first = localSecrets(dir);
      expect(localSecrets(dir)).toEqual(first);
      expect(first.STRIPE_SECRET_KEY).toMatch(/^sk_test_local_/);
      expect(first.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_local_/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies a declared parameter’s default only when it has no value', () => {
    const env: NodeJS.ProcessEnv = { SET: 'kept' };
    applyParamDefaults(
      [
        { name: 'SET', options: { default: 'x' } },
        { name: 'COUNT', options: { default: 10 } },
        { name: 'SECRET' },
      ],
      env,
    );
    expect(env).toEqual({ SET: 'kept', COUNT: '10' });
  });
});
