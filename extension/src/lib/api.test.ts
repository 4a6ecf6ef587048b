// The callable client on the wire, against a local HTTP server: the ID token, the extension
// version header (for the access log) and the callable body/answer format.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EXTENSION_VERSION_HEADER } from '@mimicit/shared';
import type * as Protocol from './callable-protocol';

let server: Server;
let port = 0;
const seen: { headers: IncomingHttpHeaders; body: string }[] = [];

vi.mock('./firebase', () => ({ auth: { currentUser: { getIdToken: async () => 'id-token-123' } } }));
vi.mock('./callable-protocol', async (importOriginal) => {
  const actual = await importOriginal<typeof Protocol>();
  return { ...actual, callableUrl: (name: string) => `http://127.0.0.1:${port}/${name}` };
});

beforeAll(async () => {
  vi.stubGlobal('chrome', { runtime: { getManifest: () => ({ version: '1.2.3' }) } });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      if (req.url === '/fails') {
        return void res.writeHead(400, { ...cors, 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: {
              status: 'FAILED_PRECONDITION',
              message: 'No credits',
              details: { reason: 'insufficient-credits' },
            },
          }),
        );
      }
      res
        .writeHead(200, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ result: { n: 7 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise((r) => server.close(r));
});

describe('callFunction', () => {
  it('posts { data } with the ID token and the extension version header', async () => {
    const { callFunction } = await import('./api');
    expect(await callFunction('getCatalog', { a: 1 }, z.object({ n: z.number() }))).toEqual({ n: 7 });
    const post = seen.find((s) => s.body !== '')!;
    expect(JSON.parse(post.body)).toEqual({ data: { a: 1 } });
    expect(post.headers.authorization).toBe('Bearer id-token-123');
    expect(post.headers[EXTENSION_VERSION_HEADER]).toBe('1.2.3');
  });

  it('throws a typed error with the server reason', async () => {
    const { callFunction } = await import('./api');
    await expect(callFunction('fails' as 'getCatalog', {}, z.unknown())).rejects.toMatchObject({
      code: 'failed-precondition',
      reason: 'insufficient-credits',
    });
  });
});
