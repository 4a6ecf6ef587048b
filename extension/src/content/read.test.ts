// Reading image bytes inside the page, against a local HTTP server (the network boundary).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES, readImage } from './read';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const headers = { 'access-control-allow-origin': '*' };
    if (req.url === '/ok.png') res.writeHead(200, { ...headers, 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/huge.png')
      res.writeHead(200, { ...headers, 'content-type': 'image/png' }).end(Buffer.alloc(MAX_BYTES + 1));
    else if (req.url === '/page.html')
      res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<p>hi</p>');
    else res.writeHead(403, headers).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('readImage', () => {
  it('returns a readable image as a data URL', async () => {
    expect(await readImage(`${base}/ok.png`)).toEqual({
      ok: true,
      dataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
    });
  });

  it('refuses more than 10 MB', async () => {
    expect(await readImage(`${base}/huge.png`)).toEqual({ ok: false, reason: 'image-too-large' });
  });

  it('refuses what is not an image, and what the server refuses (hotlink protection)', async () => {
    expect(await readImage(`${base}/page.html`)).toEqual({ ok: false, reason: 'image-unreadable' });
    expect(await readImage(`${base}/forbidden.png`)).toEqual({ ok: false, reason: 'image-unreadable' });
  });
});
