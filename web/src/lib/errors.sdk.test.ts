// @vitest-environment node
// errorKey against what the real Functions SDK (firebase/functions, as pinned) throws, so this
// breaks if the SDK changes how it reports a request without an answer. The servers are local
// HTTP fakes at the network boundary; the server errors are serialized by firebase-functions'
// own HttpsError, as a deployed callable sends them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { errorKey } from './errors';

const servers: Server[] = [];
const apps: FirebaseApp[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on (bound once, then closed). */
async function closedPort(): Promise<number> {
  const port = await listen(() => undefined);
  const server = servers.pop()!;
  await new Promise((r) => server.close(r));
  return port;
}

/** What a real `httpsCallable` against 127.0.0.1:`port` rejects with. */
async function callAt(port: number): Promise<unknown> {
  const app = initializeApp(
    { projectId: 'demo-errors', apiKey: 'demo-key' },
    `errors-${port}-${apps.length}`,
  );
  apps.push(app);
  const functions = getFunctions(app, 'asia-northeast1');
  connectFunctionsEmulator(functions, '127.0.0.1', port);
  return httpsCallable(functions, 'generateImage', { timeout: 10_000 })({ x: 1 }).then(
    () => expect.unreachable('the call should fail'),
    (err: unknown) => err,
  );
}

function sendHttpsError(err: HttpsError): Parameters<typeof createServer>[1] {
  return (_req, res) => {
    res.writeHead(err.httpErrorCode.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: err.toJSON() }));
  };
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => deleteApp(a)));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('errorKey with the real Functions SDK', () => {
  it('an unreachable server (connection refused) is a network problem', async () => {
    const err = await callAt(await closedPort());
    // The SDK's shape this mapping relies on: `functions/internal` and no details.
    expect(err).toMatchObject({ code: 'functions/internal' });
    expect((err as { details?: unknown }).details).toBeUndefined();
    expect(errorKey(err)).toBe('errors.network');
  });

  it('a dropped connection is a network problem', async () => {
    const port = await listen((req) => req.socket.destroy());
    const err = await callAt(port);
    expect(err).toMatchObject({ code: 'functions/internal' });
    expect(errorKey(err)).toBe('errors.network');
  });

  it('our server’s own failure keeps its reason, however the SDK words the message', async () => {
    const port = await listen(
      sendHttpsError(
        new HttpsError('internal', 'Something went wrong on our side. Please try again.', {
          reason: 'server-error',
        }),
      ),
    );
    const err = await callAt(port);
    expect(err).toMatchObject({ code: 'functions/internal', details: { reason: 'server-error' } });
    expect(errorKey(err)).toBe('errors.reason.server-error');
  });

  it('a refused checkout maps to its reason, not the server’s English text', async () => {
    const port = await listen(
      sendHttpsError(
        new HttpsError('failed-precondition', 'The starter pack cannot be bought in JPY right now.', {
          reason: 'price-not-configured',
        }),
      ),
    );
    const err = await callAt(port);
    expect(err).toMatchObject({ code: 'functions/failed-precondition' });
    expect(errorKey(err)).toBe('errors.reason.price-not-configured');
  });

  it('an unavailable service (503) is not mistaken for a dropped connection', async () => {
    const port = await listen(sendHttpsError(new HttpsError('unavailable', 'Try later.')));
    expect(errorKey(await callAt(port))).toBe('errors.unavailable');
  });
});
