// The account callables through the real Auth + Functions emulators. Each function keeps its
// own in-memory state here (MIMICIT_STORE=memory), so every flow stays within one function.
import { afterEach, describe, expect, it } from 'vitest';
import { signInWithCustomToken } from 'firebase/auth';
import {
  CALLABLES,
  createExtensionTokenResponseSchema,
  ensureProfileResponseSchema,
  exportMyDataResponseSchema,
  requestAccountDeletionResponseSchema,
} from '@mimicit/shared';
import { createClient, type TestClient } from '../harness/client';

describe('account callables through the Auth + Functions emulators', () => {
  const clients: TestClient[] = [];
  const client = () => {
    const c = createClient();
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it('ensureProfile gives a new account 10 credits, once', async () => {
    const c = client();
    const uid = await c.signUp();
    const first = ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, { locale: 'ja' }));
    expect(first).toMatchObject({
      granted: true,
      profile: { uid, credits: 10, locale: 'ja', deletion: null },
    });
    expect(first.profile.email).toMatch(/@example\.com$/);
    const again = ensureProfileResponseSchema.parse(await c.call(CALLABLES.ensureProfile, { locale: 'en' }));
    expect(again).toMatchObject({ granted: false, profile: { uid, credits: 10, locale: 'ja' } });
  });

  it('refuses a signed-out caller with unauthenticated', async () => {
    await expect(client().call(CALLABLES.ensureProfile, { locale: 'en' })).rejects.toMatchObject({
      code: 'functions/unauthenticated',
    });
  });

  it('rejects a locale we do not offer with invalid-argument', async () => {
    const c = client();
    await c.signUp();
    await expect(c.call(CALLABLES.ensureProfile, { locale: 'fr' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
  });

  it('createExtensionToken mints a token that signs the extension in as the same person', async () => {
    const web = client();
    const uid = await web.signUp();
    const { token } = createExtensionTokenResponseSchema.parse(
      // Any well-formed id: EXTENSION_IDS is empty on the emulator (unpacked extensions vary).
      await web.call(CALLABLES.createExtensionToken, { extensionId: 'abcdefghijklmnopabcdefghijklmnop' }),
    );
    const extension = client();
    const cred = await signInWithCustomToken(extension.auth, token);
    expect(cred.user.uid).toBe(uid);
  });

  it('exportMyData returns a valid version-1 document inline', async () => {
    const c = client();
    const uid = await c.signUp();
    const res = exportMyDataResponseSchema.parse(await c.call(CALLABLES.exportMyData, {}));
    expect(res.delivery).toBe('inline');
    if (res.delivery === 'inline') expect(res.document).toMatchObject({ formatVersion: 1, account: { uid } });
  });

  it('requestAccountDeletion needs the explicit confirmation, then schedules the purge 14 days out', async () => {
    const c = client();
    await c.signUp();
    await expect(c.call(CALLABLES.requestAccountDeletion, {})).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
    const res = requestAccountDeletionResponseSchema.parse(
      await c.call(CALLABLES.requestAccountDeletion, { confirm: true }),
    );
    expect(Date.parse(res.purgeAfter) - Date.parse(res.requestedAt)).toBe(14 * 24 * 3600 * 1000);
  });
});
