import { afterEach, describe, expect, it } from 'vitest';
import { CALLABLES } from '@mimicit/shared';
import { createClient, type TestClient } from '../harness/client';

// The callable surface only: every case here is refused before Stripe is contacted, so no
// Stripe fake is needed (the checkout happy path is tested offline against a local fake).
const request = (over: Record<string, unknown> = {}) => ({
  packId: 'starter',
  currency: 'jpy',
  locale: 'en',
  returnOrigin: 'http://127.0.0.1:5173',
  ...over,
});

describe('createCheckoutSession through the Auth + Functions emulators', () => {
  let client: TestClient;
  afterEach(async () => client?.close());

  it('refuses a signed-out caller with unauthenticated', async () => {
    client = createClient();
    await expect(client.call(CALLABLES.createCheckoutSession, request())).rejects.toMatchObject({
      code: 'functions/unauthenticated',
    });
  });

  it.each([
    ['an unknown pack', request({ packId: 'mega' }), 'unknown-pack'],
    ['a foreign return origin', request({ returnOrigin: 'https://evil.example' }), 'origin-not-allowed'],
  ])('%s → invalid-argument with details.reason', async (_name, data, reason) => {
    client = createClient();
    await client.signUp();
    await expect(client.call(CALLABLES.createCheckoutSession, data)).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      details: { reason },
    });
  });

  it('a malformed request (amount from the client) → invalid-argument', async () => {
    client = createClient();
    await client.signUp();
    await expect(
      client.call(CALLABLES.createCheckoutSession, { ...request(), amount: 1 }),
    ).rejects.toMatchObject({ code: 'functions/invalid-argument' });
  });
});
