import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { MODELS, type ModelInfo } from '@mimicit/shared';
import { json, jpeg, startServer, withRoles, type TestServer } from '../../../test/kits/generation.js';
import { normalizeImage, type NormalizedImage } from '../intake/normalize.js';
import { createFalAdapter } from './fal.js';
import type { ProviderAdapter } from './types.js';

const model = (id: string) => MODELS.find((m) => m.id === id) as ModelInfo;
type Mode = 'ok' | 400 | 401 | 404 | 429 | 500 | 'hang' | 'safety' | 'policy' | 'malformed';

/** Speaks fal's queue protocol: submit → status (IN_PROGRESS, then COMPLETED) → result → file. */
describe('fal adapter through @fal-ai/client (queue + polling) against a local fake', () => {
  let server: TestServer;
  let mode: Mode = 'ok';
  let image: Buffer;
  let source: NormalizedImage;
  let adapter: ProviderAdapter;
  let polls = 0;

  const respond = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (path === '/files/out.jpg')
      return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(image);
    if (mode === 'hang') return;
    if (req.method === 'POST') {
      if (typeof mode === 'number') return json(res, mode, { detail: 'fake error' });
      return json(res, 200, { request_id: 'req-1', status: 'IN_QUEUE' });
    }
    if (path.endsWith('/status')) {
      polls++;
      return json(res, 200, { status: polls < 2 ? 'IN_PROGRESS' : 'COMPLETED', request_id: 'req-1' });
    }
    if (mode === 'policy') {
      return json(res, 422, {
        detail: [{ loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation' }],
      });
    }
    if (mode === 'malformed') return json(res, 200, { seed: 1 });
    return json(res, 200, {
      images: [{ url: `${server.url}/files/out.jpg`, width: 40, height: 30, content_type: 'image/jpeg' }],
      has_nsfw_concepts: [mode === 'safety'],
      seed: 1,
    });
  };

  beforeAll(async () => {
    image = await jpeg(40, 30);
    source = await normalizeImage(image, { maxSide: 512 });
    server = await startServer((req, _body, res) => respond(req, res));
    adapter = createFalAdapter({
      apiKey: 'fal-test',
      baseUrl: server.url,
      timeoutMs: 12_000,
      pollIntervalMs: 20,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mode = 'ok';
    polls = 0;
    server.requests.length = 0;
  });

  it('FLUX.2 text-to-image: image_size as width/height, seed, output format, polls, downloads', async () => {
    const out = await adapter.generate!(model('flux-2'), {
      prompt: 'a fox',
      aspectRatio: '16:9',
      resolution: '2k',
      count: 1,
      seed: 42,
    });
    expect(out[0]?.bytes).toEqual(image);
    const submit = server.requests[0]!;
    expect(submit.path).toBe('/fal-ai/flux-2-pro');
    expect(submit.headers.authorization).toBe('Key fal-test');
    const body = JSON.parse(submit.body.toString());
    expect(body).toMatchObject({
      prompt: 'a fox',
      image_size: { width: 2048, height: 1152 },
      seed: 42,
      output_format: 'jpeg',
      enable_safety_checker: true,
    });
    expect(body).not.toHaveProperty('image_urls');
    expect(server.requests.map((r) => r.path.split('?')[0])).toContain(
      '/fal-ai/flux-2-pro/requests/req-1/status',
    );
  });

  it('FLUX.2 edit: references go to the edit endpoint as image_urls, in order', async () => {
    await adapter.generate!(model('flux-2'), {
      prompt: 'put the subject of image 1 in the scene of image 2',
      references: [source, source],
      aspectRatio: '3:4',
      resolution: '1k',
      count: 1,
    });
    const body = JSON.parse(server.requests[0]!.body.toString());
    expect(server.requests[0]!.path).toBe('/fal-ai/flux-2-pro/edit');
    expect(body.image_size).toEqual({ width: 768, height: 1024 });
    expect(body.image_urls).toHaveLength(2);
    for (const url of body.image_urls) expect(url).toMatch(/^data:image\/jpeg;base64,/);
    expect(body).not.toHaveProperty('seed');
  });

  it('FLUX.2 edit with roles: the prompt names "Image 1"… in image_urls order; the seed goes along', async () => {
    await adapter.generate!(model('flux-2'), {
      prompt: 'a fox on a rooftop',
      references: withRoles(source, ['style', 'subject']),
      aspectRatio: '1:1',
      resolution: '1k',
      count: 1,
      seed: 2_147_483_647,
    });
    const body = JSON.parse(server.requests[0]!.body.toString());
    expect(server.requests[0]!.path).toBe('/fal-ai/flux-2-pro/edit');
    expect(body.image_urls).toHaveLength(2);
    expect(body.prompt).toMatch(
      /^Image 1 is the style[^\n]*\nImage 2 is the subject[^\n]*\n\na fox on a rooftop$/,
    );
    expect(body.seed).toBe(2_147_483_647);
  });

  const FAILURES: [Mode, string][] = [
    [400, 'provider-bad-request'],
    [401, 'provider-config'],
    [404, 'model-unavailable'],
    [500, 'provider-unavailable'],
    ['safety', 'provider-safety'],
    ['policy', 'provider-safety'],
    ['malformed', 'provider-bad-response'],
  ];
  it.each(FAILURES)('%s → %s', async (m, reason) => {
    mode = m;
    await expect(
      adapter.generate!(model('flux-2'), { prompt: 'p', aspectRatio: '1:1', resolution: '1k', count: 1 }),
    ).rejects.toMatchObject({ reason });
  });

  it('429 → provider-rate-limit (after the client’s own queue retries)', async () => {
    mode = 429;
    await expect(
      adapter.generate!(model('flux-2'), { prompt: 'p', aspectRatio: '1:1', resolution: '1k', count: 1 }),
    ).rejects.toMatchObject({ reason: 'provider-rate-limit' });
  }, 30_000);

  it('hang → provider-timeout', async () => {
    mode = 'hang';
    const quick = createFalAdapter({
      apiKey: 'fal-test',
      baseUrl: server.url,
      timeoutMs: 400,
      pollIntervalMs: 20,
    });
    await expect(
      quick.generate!(model('flux-2'), { prompt: 'p', aspectRatio: '1:1', resolution: '1k', count: 1 }),
    ).rejects.toMatchObject({ reason: 'provider-timeout' });
  });
});
