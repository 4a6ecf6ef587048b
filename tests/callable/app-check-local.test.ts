// App Check in local mode: the real local backend process, off by default — the guarded
// callables work for a caller with no App Check at all, as `npm run dev` needs — and enforced
// with `--app-check enforce`, refusing the same caller and passing an attested one.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CALLABLES,
  createCheckoutSessionResponseSchema,
  createExtensionTokenResponseSchema,
  ensureProfileResponseSchema,
} from '@mimicit/shared';
import { E2E_LOCAL_PORT } from '../../scripts/lib/local-backend.mjs';
import { createClient, type ClientAppCheck, type TestClient } from '../harness/client';
import { startTestBackend, type TestBackend } from '../harness/local-backend';

const calls = [
  [CALLABLES.ensureProfile, { locale: 'en' }, ensureProfileResponseSchema],
  [
    CALLABLES.createExtensionToken,
    { extensionId: 'abcdefghijklmnopabcdefghijklmnop' },
    createExtensionTokenResponseSchema,
  ],
  [
    CALLABLES.createCheckoutSession,
    { packId: 'starter', currency: 'jpy', locale: 'en', returnOrigin: 'http://127.0.0.1:5173' },
    createCheckoutSessionResponseSchema,
  ],
] as const;

describe('App Check in local mode (the local backend process)', () => {
  let backend: TestBackend | undefined;
  const clients: TestClient[] = [];
  const signedIn = async (appCheck: ClientAppCheck) => {
    const c = createClient({ appCheck, functionsPort: E2E_LOCAL_PORT });
    clients.push(c);
    await c.signUp();
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => backend?.stop());

  it('is off by default: every guarded callable works without App Check', async () => {
    backend = await startTestBackend('app-check-off');
    const c = await signedIn('none');
    for (const [name, data, schema] of calls) schema.parse(await c.call(name, data));
    await backend.stop();
    backend = undefined;
  });

  it('with --app-check enforce, refuses the same caller and lets the attested one through', async () => {
    backend = await startTestBackend('app-check-enforced', { appCheck: 'enforce' });
    const script = await signedIn('none');
    for (const [name, data] of calls) {
      await expect(script.call(name, data), name).rejects.toMatchObject({
        code: 'functions/unauthenticated',
        details: { reason: 'app-check-missing' },
      });
    }
    const web = await signedIn('attested');
    for (const [name, data, schema] of calls) {
      schema.parse(
        await web.call(name, data, { limitedUseAppCheckTokens: name !== CALLABLES.createCheckoutSession }),
      );
    }
  });
});
