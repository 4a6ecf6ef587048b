import { afterEach, describe, expect, it } from 'vitest';
import { CALLABLES, MODELS, CREDIT_PACKS, getCatalogResponseSchema } from '@mimicit/shared';
import { createClient, type TestClient } from '../harness/client';

describe('getCatalog through the Auth + Functions emulators', () => {
  let client: TestClient;
  afterEach(async () => client?.close());

  it('returns the catalog to a signed-in caller', async () => {
    client = createClient();
    await client.signUp();
    const data = getCatalogResponseSchema.parse(await client.call(CALLABLES.getCatalog, {}));
    expect(data.models.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    // No provider keys here: their models are listed, greyed out as not configured.
    for (const m of data.models) {
      expect(m, m.id).toMatchObject(
        m.provider === 'local'
          ? { available: true }
          : { available: false, unavailableReason: 'not-configured' },
      );
    }
    expect(data.packs.map((p) => p.id)).toEqual(CREDIT_PACKS.map((p) => p.id));
    // The emulator is not production: the keyless preview model is offered here.
    expect(data.models.some((m) => m.id === 'local-preview')).toBe(true);
  });

  it('refuses a signed-out caller with unauthenticated', async () => {
    client = createClient();
    await expect(client.call(CALLABLES.getCatalog, {})).rejects.toMatchObject({
      code: 'functions/unauthenticated',
    });
  });

  it('rejects unexpected fields with invalid-argument', async () => {
    client = createClient();
    await client.signUp();
    await expect(client.call(CALLABLES.getCatalog, { surprise: true })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
  });
});
