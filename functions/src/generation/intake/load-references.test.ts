import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mapLimit } from '../../lib/concurrency.js';
import { DomainError } from '../../lib/errors.js';
import { dataUrl, jpeg, startServer, type TestServer } from '../../../test/kits/generation.js';
import { publicAddressPolicy } from './address-policy.js';
import { REFERENCE_INTAKE_CONCURRENCY, loadReferences } from './load-references.js';

// The real mapLimit, observed: the cap it is given is the cap the intake runs under.
vi.mock('../../lib/concurrency.js', async (importOriginal) => {
  const actual = await importOriginal<{ mapLimit: typeof mapLimit }>();
  return { mapLimit: vi.fn(actual.mapLimit) };
});

const gemini = { id: 'gemini-image', maxReferenceSide: 1536, maxReferenceBytes: 7 * 1024 * 1024 };
const gpt = { id: 'gpt-image', maxReferenceSide: 2048, maxReferenceBytes: 25 * 1024 * 1024 };
const fluxLike = { id: 'flux-like', maxReferenceSide: 1536, maxReferenceBytes: 7 * 1024 * 1024 };
// The fixture server lives on 127.0.0.1, which production refuses.
const options = {
  policy: (ip: string) => ip === '127.0.0.1' || publicAddressPolicy(ip),
  fetchTimeoutMs: 5_000,
};

describe('loadReferences: one intake for every reference', () => {
  let server: TestServer;
  let waiting: (() => void)[] = [];
  let most = 0;

  beforeAll(async () => {
    const big = await jpeg(3000, 2000, { r: 30, g: 160, b: 60 });
    // Holds each download until four are waiting, then answers them together: a sequential
    // intake would stall on the first and fail on the fetch deadline.
    server = await startServer((_req, _body, res) => {
      waiting.push(() => void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(big));
      most = Math.max(most, waiting.length);
      if (waiting.length >= REFERENCE_INTAKE_CONCURRENCY) waiting.splice(0).forEach((send) => send());
    });
  });
  afterAll(() => server.close());

  it(`downloads in parallel, ${REFERENCE_INTAKE_CONCURRENCY} at a time, and keeps the request order`, async () => {
    waiting = [];
    most = 0;
    vi.mocked(mapLimit).mockClear();
    const refs = Array.from({ length: 8 }, (_, i) => ({
      source: { url: `${server.url}/r${i}.jpg` },
      role: i % 2 ? ('style' as const) : undefined,
    }));
    const out = await loadReferences(refs, [gemini], options);
    expect(most).toBe(REFERENCE_INTAKE_CONCURRENCY);
    expect(vi.mocked(mapLimit)).toHaveBeenCalledWith(
      refs,
      REFERENCE_INTAKE_CONCURRENCY,
      expect.any(Function),
    );
    expect(REFERENCE_INTAKE_CONCURRENCY).toBe(4);
    expect(out.get('gemini-image')!.map((r) => r.role)).toEqual(refs.map((r) => r.role));
  });

  it('normalises once per distinct model limit: models sharing limits share the image', async () => {
    const source = { dataUrl: dataUrl(await jpeg(3000, 1500)) };
    const out = await loadReferences([{ source, role: 'scene' }], [gemini, gpt, fluxLike], options);
    expect(out.get('gemini-image')![0]).toMatchObject({ width: 1536, height: 768, role: 'scene' });
    expect(out.get('gpt-image')![0]).toMatchObject({ width: 2048, height: 1024, role: 'scene' });
    expect(out.get('flux-like')![0]).toBe(out.get('gemini-image')![0]);
  });

  it('names the reference a refusal is about when there are several; one alone keeps its message', async () => {
    const good = { source: { dataUrl: dataUrl(await jpeg(40, 30)) } };
    const empty = { source: { dataUrl: 'data:image/png;base64,' } };
    const several = await loadReferences([good, empty], [gemini], options).catch((e: unknown) => e);
    expect(several).toBeInstanceOf(DomainError);
    expect(several).toMatchObject({
      code: 'invalid-argument',
      reason: 'image-unreadable',
      message: 'Reference image 2: The image is empty.',
      extra: { reference: 1 },
    });
    const alone = await loadReferences([empty], [gemini], options).catch((e: unknown) => e);
    expect(alone).toMatchObject({ reason: 'image-unreadable', message: 'The image is empty.', extra: {} });
  });
});
