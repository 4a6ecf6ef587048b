// App Check on the callable surface, through the real Auth + Functions emulators with enforcement
// turned on (tests/harness/callable-emulators.ts): the guarded callables refuse a caller without
// a usable token with a precise reason, pass an attested one on to their own checks, and leave
// the rest open for the extension. The emulator decodes App Check tokens without verifying them;
// signatures and replays are verified in tests/offline/app-check-verification.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { CALLABLES, ensureProfileResponseSchema } from '@mimicit/shared';
import { createClient, type ClientAppCheck, type TestClient } from '../harness/client';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const GUARDED = [
  [CALLABLES.ensureProfile, { locale: 'en' }],
  [CALLABLES.createExtensionToken, { extensionId: EXTENSION_ID }],
  [
    CALLABLES.createCheckoutSession,
    { packId: 'starter', currency: 'jpy', locale: 'en', returnOrigin: 'https://evil.example' },
  ],
] as const;

describe('App Check on the callables (emulators, enforcement on)', () => {
  const clients: TestClient[] = [];
  const signedIn = async (appCheck: ClientAppCheck) => {
    const c = createClient({ appCheck });
    clients.push(c);
    await c.signUp();
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it.each(GUARDED)('%s refuses a caller without an App Check token', async (name, data) => {
    const c = await signedIn('none');
    await expect(c.call(name, data)).rejects.toMatchObject({
      code: 'functions/unauthenticated',
      details: { reason: 'app-check-missing' },
    });
  });

  it.each(GUARDED)('%s refuses a token that is not one', async (name, data) => {
    const c = await signedIn({ token: 'not-an-app-check-token' });
    await expect(c.call(name, data)).rejects.toMatchObject({
      code: 'functions/unauthenticated',
      details: { reason: 'app-check-invalid' },
    });
  });

  it('lets the attested web app through, with limited-use tokens where they are consumed', async () => {
    const c = await signedIn('attested');
    const limited = { limitedUseAppCheckTokens: true };
    const profile = ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, {}, limited));
    expect(profile).toMatchObject({ granted: true, grantHeld: null, profile: { credits: 10 } });
    await expect(
      c.call(CALLABLES.createExtensionToken, { extensionId: EXTENSION_ID }, limited),
    ).resolves.toMatchObject({ token: expect.any(String) });
    // Past App Check, checkout's own check answers (the return origin is not the app's).
    await expect(c.call(...GUARDED[2])).rejects.toMatchObject({ details: { reason: 'origin-not-allowed' } });
  });

  it('leaves the callables the extension uses open', async () => {
    const c = await signedIn('none');
    await expect(c.call(CALLABLES.getCatalog, {})).resolves.toMatchObject({ models: expect.any(Array) });
    await expect(c.call(CALLABLES.exportMyData, {})).resolves.toMatchObject({ delivery: 'inline' });
  });

  it('gives an account with an unverified email its profile but not the signup grant', async () => {
    const c = createClient();
    clients.push(c);
    const uid = await c.signUpUnverified();
    const res = ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, { locale: 'ja' }));
    expect(res).toMatchObject({
      granted: false,
      grantHeld: 'email-unverified',
      profile: { uid, credits: 0, signupGranted: false, locale: 'ja' },
    });
  });
});
