// App Check as production verifies it, without Google: the real triggers (onCall from
// firebase-functions) over HTTP, with no emulator environment at all, so firebase-functions hands
// the `X-Firebase-AppCheck` header to firebase-admin, which checks the signature against the App
// Check public keys, the issuer, the audience (this project) and the expiry, and — for the
// consumed callables — asks the App Check API whether the token was used before; ID tokens are
// verified against the securetoken certificates the same way. Google's endpoints are a local fake
// (fake-google-verifiers.ts) reached through firebase-admin's `httpAgent` option.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALLABLES } from '@mimicit/shared';
import { useMemoryDeps } from '../../functions/test/kits/handlers';
import { setDeps, resetDeps } from '../../functions/src/lib/deps';
import { FakeAuthAdmin } from '../../functions/test/kits/account';
import { functionsRoute } from '../../functions/src/local/runtime/functions-route';
import { sortTriggers } from '../../functions/src/local/runtime/triggers';
import { startFakeGoogleVerifiers, type FakeGoogleVerifiers } from './fake-google-verifiers';

const PROJECT = 'demo-mimicit';
const REGION = 'asia-northeast1';
let google: FakeGoogleVerifiers;
let admin: App;
let server: Server;
let base: string;

beforeAll(async () => {
  vi.stubEnv('SIGNUP_GRANT_CREDITS', '10');
  vi.stubEnv('PAYMENT_HASH_KEY', 'k'.repeat(32));
  vi.stubEnv('EXTENSION_IDS', 'abcdefghijklmnopabcdefghijklmnop');
  google = await startFakeGoogleVerifiers({ projectId: PROJECT, projectNumber: '123456789012' });
  // The default app is the one firebase-functions verifies with (and our own lib/admin uses).
  admin = initializeApp({
    projectId: PROJECT,
    httpAgent: google.agent,
    credential: { getAccessToken: async () => ({ access_token: 'runtime-sa-token', expires_in: 3600 }) },
  });
  useMemoryDeps();
  setDeps({ auth: new FakeAuthAdmin().add('u1', 'u2', 'u3') });
  const fns = await import('../../functions/src/index');
  const app = express().use(functionsRoute(PROJECT, sortTriggers(fns as Record<string, unknown>).http));
  server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${PROJECT}/${REGION}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await google?.close();
  if (admin) await deleteApp(admin);
  resetDeps();
  vi.unstubAllEnvs();
});

interface Answer {
  status: number;
  result?: unknown;
  error?: { status: string; details?: { reason?: string } };
}

async function call(name: string, uid: string, data: unknown, appCheck?: string): Promise<Answer> {
  const res = await fetch(`${base}/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${google.idToken(uid, { email: `${uid}@example.com`, email_verified: true })}`,
      ...(appCheck ? { 'x-firebase-appcheck': appCheck } : {}),
    },
    body: JSON.stringify({ data }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
const reasonOf = (a: Answer) => a.error?.details?.reason;
const consumeCalls = () => google.requests.filter((r) => r.path.endsWith(':verifyAppCheckToken'));

describe('App Check verified as in production (local fake of Google at the network edge)', () => {
  it('ensureProfile: refuses a missing token, accepts a valid one once, refuses it replayed', async () => {
    expect(reasonOf(await call(CALLABLES.ensureProfile, 'u1', {}))).toBe('app-check-missing');

    const token = google.appCheckToken();
    const first = await call(CALLABLES.ensureProfile, 'u1', {}, token);
    expect(first.status).toBe(200);
    // The token was consumed at the App Check API, authorized as the runtime's service account.
    expect(consumeCalls().at(-1)).toMatchObject({
      path: `/v1beta/projects/${PROJECT}:verifyAppCheckToken`,
      authorization: 'Bearer runtime-sa-token',
      body: JSON.stringify({ app_check_token: token }),
    });
    // The public keys came from the JWKS endpoint, not from anything the caller sent.
    expect(google.requests.some((r) => r.method === 'GET' && r.path === '/v1/jwks')).toBe(true);

    const replay = await call(CALLABLES.ensureProfile, 'u1', {}, token);
    expect(replay.status).toBe(401);
    expect(replay.error).toMatchObject({
      status: 'UNAUTHENTICATED',
      details: { reason: 'app-check-replayed' },
    });
  });

  it('refuses forged, expired, foreign-project and malformed tokens as invalid', async () => {
    const bad = {
      forged: google.appCheckToken({ key: google.foreignKey }),
      expired: google.appCheckToken({ expiresIn: -60 }),
      otherProject: google.appCheckToken({ projectId: 'someone-else', projectNumber: '999' }),
      malformed: 'not-a-token',
    };
    for (const [what, token] of Object.entries(bad)) {
      const answer = await call(CALLABLES.ensureProfile, 'u2', {}, token);
      expect(answer.status, what).toBe(401);
      expect(reasonOf(answer), what).toBe('app-check-invalid');
    }
  });

  it('createExtensionToken consumes its token too; createCheckoutSession only verifies', async () => {
    const ext = { extensionId: 'abcdefghijklmnopabcdefghijklmnop' };
    expect(reasonOf(await call(CALLABLES.createExtensionToken, 'u3', ext))).toBe('app-check-missing');
    const token = google.appCheckToken();
    const minted = await call(CALLABLES.createExtensionToken, 'u3', ext, token);
    expect(minted.status).toBe(200);
    expect(reasonOf(await call(CALLABLES.createExtensionToken, 'u3', ext, token))).toBe('app-check-replayed');

    const before = consumeCalls().length;
    const checkout = {
      packId: 'no-such-pack',
      currency: 'usd',
      locale: 'en',
      returnOrigin: 'http://127.0.0.1:5173',
    };
    expect(reasonOf(await call(CALLABLES.createCheckoutSession, 'u3', checkout))).toBe('app-check-missing');
    const reusable = google.appCheckToken();
    // Past App Check, the next check answers: the pack does not exist. Twice, with one token.
    for (let i = 0; i < 2; i++) {
      expect(reasonOf(await call(CALLABLES.createCheckoutSession, 'u3', checkout, reusable))).toBe(
        'unknown-pack',
      );
    }
    expect(
      reasonOf(
        await call(CALLABLES.createCheckoutSession, 'u3', checkout, google.appCheckToken({ expiresIn: -1 })),
      ),
    ).toBe('app-check-invalid');
    expect(consumeCalls()).toHaveLength(before);
  });

  it('leaves the callables the extension uses open: getCatalog answers without a token', async () => {
    expect((await call(CALLABLES.getCatalog, 'u1', {})).status).toBe(200);
  });

  it('reached Google only for its keys and the replay check', () => {
    expect(
      new Set(
        google.requests.map((r) => `${r.method} ${r.host}${r.path.replace(/projects\/[^:]+/, 'projects/P')}`),
      ),
    ).toEqual(
      new Set([
        'GET www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com',
        'GET firebaseappcheck.googleapis.com/v1/jwks',
        'POST firebaseappcheck.googleapis.com/v1beta/projects/P:verifyAppCheckToken',
      ]),
    );
  });
});
