import { describe, expect, it } from 'vitest';
import { MODELS, type Capability } from '@mimicit/shared';
import { describeImage } from '../describe-image.js';
import { generateImage } from '../generate-image.js';
import { generateComparison } from '../generate-comparison.js';
import { checkModels } from '../../models/check-models.js';
import { PROVIDER_TABLE } from './table.js';

type Endpoint = { __endpoint: { secretEnvironmentVariables?: { key: string }[] } };
const bound = (fn: unknown) =>
  ((fn as Endpoint).__endpoint.secretEnvironmentVariables ?? []).map((s) => s.key).sort();

/** The secrets the code catalog's models with `capabilities` need, from the provider table. */
const needed = (...capabilities: Capability[]) =>
  [
    ...new Set(
      MODELS.filter((m) => capabilities.some((c) => m.capabilities.includes(c)))
        .map((m) => PROVIDER_TABLE[m.provider].secret?.name)
        .filter((n): n is string => n !== undefined),
    ),
  ].sort();

describe('each function binds exactly the secrets its models need', () => {
  it.each([
    ['describeImage', describeImage, needed('describe')],
    ['generateImage', generateImage, needed('text-to-image', 'image-to-image')],
    ['generateComparison', generateComparison, needed('text-to-image', 'image-to-image')],
    ['checkModels', checkModels, needed('describe', 'text-to-image', 'image-to-image')],
  ])('%s', (_name, fn, secrets) => {
    expect(secrets.length).toBeGreaterThan(0);
    expect(bound(fn)).toEqual(secrets);
  });

  it('every remote provider has a secret and a deadline inside the callables’ own', () => {
    for (const [name, entry] of Object.entries(PROVIDER_TABLE)) {
      if (name !== 'local') expect(entry.secret?.name).toMatch(/^[A-Z_]+$/);
      expect(entry.timeoutMs).toBeLessThanOrEqual(300_000);
    }
  });
});
