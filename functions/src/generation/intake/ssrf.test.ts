import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorReason, collections } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../../lib/deps.js';
import { handleDescribeImage } from '../describe-image.js';
import { balance, giveCredits, jpeg, startServer, type TestServer } from '../../../test/kits/generation.js';
import { publicAddressPolicy } from './address-policy.js';
import { safeFetch, type Resolver } from './safe-fetch.js';

/** Fake DNS: names a test controls; anything else does not resolve. */
const DNS: Record<string, { address: string; family: 4 | 6 }[]> = {
  'internal.example': [{ address: '10.1.2.3', family: 4 }],
  'mixed.example': [
    { address: '93.184.216.34', family: 4 },
    { address: '192.168.0.5', family: 4 },
  ],
  'v6ula.example': [{ address: 'fd00::5', family: 6 }],
  'mapped.example': [{ address: '::ffff:169.254.169.254', family: 6 }],
  '127.0.0.1.nip.io': [{ address: '127.0.0.1', family: 4 }],
  'cgnat.example': [{ address: '100.64.1.1', family: 4 }],
};
const resolver: Resolver = async (host) => {
  const hit = DNS[host];
  if (!hit) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return hit;
};

/** Each refused with invalid-argument / url-not-allowed before any socket is opened. */
const REFUSED_URLS = [
  'http://127.0.0.1/',
  'http://localhost/a.png',
  'http://foo.localhost/',
  'http://[::1]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://0177.0.0.1/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://0x7f000001/',
  'http://127.1/',
  'http://0/',
  'http://0.0.0.0/',
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://metadata/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://198.18.0.1/',
  'http://192.0.2.1/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[fe80::1]/',
  'http://[::]/',
  'http://[ff02::1]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[::127.0.0.1]/',
  'http://[2002:7f00:1::]/',
  'http://internal.example/',
  'http://mixed.example/',
  'http://v6ula.example/',
  'http://mapped.example/',
  'http://127.0.0.1.nip.io/',
  'http://cgnat.example/',
  'file:///etc/passwd',
  'ftp://example.com/a.png',
  'data:image/png;base64,iVBORw0KGgo=',
  'gopher://127.0.0.1:70/',
  'javascript:alert(1)',
  'http://user:pass@example.com/a.png',
  'not a url',
];

describe('SSRF corpus through describeImage (0 credits taken)', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(async () => {
    deps = useMemoryDeps();
    setDeps({
      pipeline: {
        maxRequestsPerMinute: 10_000,
        maxConcurrentPending: 4,
        intake: { resolve: resolver },
      },
    });
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    resetDeps();
  });

  it(`has at least 30 hostile URLs (${REFUSED_URLS.length})`, () => {
    expect(REFUSED_URLS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REFUSED_URLS)('refuses %s with url-not-allowed and charges nothing', async (url) => {
    const call = handleDescribeImage(
      fakeRequest({ requestId: 'req-ssrf-0001', model: 'local-preview', source: { url } }, 'u1'),
    );
    const err = await call.catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(errorReason(err)).toBe('url-not-allowed');
    expect(await balance(deps, 'u1')).toBe(50);
    expect(await deps.store.query({ collection: collections.generations.in('u1') })).toHaveLength(0);
  });

  it('reports a name that does not resolve as image-fetch-failed (unavailable)', async () => {
    const err = await handleDescribeImage(
      fakeRequest(
        { requestId: 'req-ssrf-0002', model: 'local-preview', source: { url: 'http://nx.example/' } },
        'u1',
      ),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unavailable' });
    expect(errorReason(err)).toBe('image-fetch-failed');
    expect(await balance(deps, 'u1')).toBe(50);
  });
});

describe('safeFetch against a fixture server on 127.0.0.1', () => {
  let server: TestServer;
  let image: Buffer;
  // Tests allow the loopback fixture only; every other address keeps the production policy.
  const policy = (ip: string) => ip === '127.0.0.1' || publicAddressPolicy(ip);
  beforeAll(async () => {
    image = await jpeg(40, 30);
    server = await startServer((req, _body, res) => {
      const path = req.url ?? '/';
      if (path === '/img.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(image);
      if (path === '/to-metadata')
        return void res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      if (path === '/to-ftp') return void res.writeHead(302, { location: 'ftp://127.0.0.1/x' }).end();
      if (path.startsWith('/hop/')) {
        const n = Number(path.slice(5));
        return void res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/img.jpg' }).end();
      }
      if (path === '/huge') {
        // No content-length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        const chunk = Buffer.alloc(1024 * 1024, 0xff);
        for (let i = 0; i < 12; i++) res.write(chunk);
        return void res.end();
      }
      if (path === '/slow') return; // never answers
      if (path === '/missing') return void res.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  it('downloads through the checked address (the name never reaches the system resolver)', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `http://fixture.test:${server.port}/img.jpg`;
    const got = await safeFetch(url, { policy, resolve, maxBytes: 10 * 1024 * 1024 });
    expect(got.bytes.equals(image)).toBe(true);
  });

  it('follows up to 3 redirects and refuses the 4th', async () => {
    const opts = { policy, maxBytes: 10 * 1024 * 1024 };
    await expect(safeFetch(`${server.url}/hop/2`, opts)).resolves.toMatchObject({ bytes: image });
    await expect(safeFetch(`${server.url}/hop/3`, opts)).rejects.toMatchObject({
      reason: 'image-fetch-failed',
    });
  });

  it('re-checks every redirect target (to 169.254.169.254, to ftp:)', async () => {
    const opts = { policy, maxBytes: 10 * 1024 * 1024 };
    await expect(safeFetch(`${server.url}/to-metadata`, opts)).rejects.toMatchObject({
      reason: 'url-not-allowed',
    });
    await expect(safeFetch(`${server.url}/to-ftp`, opts)).rejects.toMatchObject({
      reason: 'url-not-allowed',
    });
  });

  it('caps the streamed body, enforces the deadline and reports HTTP errors', async () => {
    const opts = { policy, maxBytes: 10 * 1024 * 1024 };
    await expect(safeFetch(`${server.url}/huge`, opts)).rejects.toMatchObject({ reason: 'image-too-large' });
    await expect(safeFetch(`${server.url}/slow`, { ...opts, timeoutMs: 300 })).rejects.toMatchObject({
      reason: 'image-fetch-failed',
    });
    await expect(safeFetch(`${server.url}/missing`, opts)).rejects.toMatchObject({
      reason: 'image-fetch-failed',
    });
  });

  it('refuses the fixture server under the production policy', async () => {
    await expect(safeFetch(`${server.url}/img.jpg`, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      reason: 'url-not-allowed',
    });
  });
});
