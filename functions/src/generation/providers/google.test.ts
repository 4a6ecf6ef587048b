import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { MODELS, type ModelInfo } from '@mimicit/shared';
import { json, jpeg, startServer, type TestServer } from '../testing/fixtures.js';
import { normalizeImage, type NormalizedImage } from '../intake/normalize.js';
import { createGoogleAdapter } from './google.js';
import type { ProviderAdapter } from './types.js';

const model = (id: string) => MODELS.find((m) => m.id === id) as ModelInfo;
type Mode = 'ok' | 400 | 401 | 429 | 500 | 'hang' | 'safety' | 'malformed';

describe('Google adapter through @google/genai against a local fake', () => {
  let server: TestServer;
  let mode: Mode = 'ok';
  let image: Buffer;
  let source: NormalizedImage;
  let adapter: ProviderAdapter;

  const respond = (path: string, res: http.ServerResponse) => {
    if (mode === 'hang') return;
    if (typeof mode === 'number') {
      return json(res, mode, { error: { code: mode, message: 'fake error', status: 'FAKE' } });
    }
    if (mode === 'malformed')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"cand');
    const b64 = image.toString('base64');
    if (path.endsWith(':predict')) {
      return json(res, 200, {
        predictions:
          mode === 'safety'
            ? [{ raiFilteredReason: 'filtered by the fake' }]
            : [{ bytesBase64Encoded: b64, mimeType: 'image/jpeg' }],
      });
    }
    if (mode === 'safety') return json(res, 200, { promptFeedback: { blockReason: 'SAFETY' } });
    const describe = path.includes('gemini-2.5-flash:');
    const part = describe
      ? { text: JSON.stringify({ prompts: ['a red square', 'a crimson block'], negative_prompt: 'blur' }) }
      : { inlineData: { mimeType: 'image/jpeg', data: b64 } };
    return json(res, 200, {
      candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP' }],
    });
  };

  beforeAll(async () => {
    image = await jpeg(40, 30);
    source = await normalizeImage(image, { maxSide: 512 });
    server = await startServer((req, _body, res) => respond(req.url ?? '', res));
    adapter = createGoogleAdapter({
      apiKey: 'test-key',
      baseUrl: server.url,
      timeoutMs: 500,
      vertex: { apiKey: 'test-vertex-key' },
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mode = 'ok';
    server.requests.length = 0;
  });

  it('Gemini image: sends the aspect ratio in imageConfig and the reference inline, returns the image', async () => {
    const out = await adapter.generate!(model('gemini-image'), {
      prompt: 'a fox',
      reference: source,
      aspectRatio: '16:9',
      resolution: '1k',
      count: 1,
    });
    expect(out[0]?.bytes).toEqual(image);
    const req = server.requests[0]!;
    expect(req.path).toMatch(/models\/gemini-2\.5-flash-image:generateContent$/);
    expect(req.headers['x-goog-api-key']).toBe('test-key');
    const body = JSON.parse(req.body.toString());
    expect(body.generationConfig.imageConfig).toEqual({ aspectRatio: '16:9' });
    expect(body.generationConfig.responseModalities).toEqual(['IMAGE']);
    expect(body.contents[0].parts[0].inlineData.mimeType).toBe('image/jpeg');
  });

  it('Imagen (Vertex AI): sends aspectRatio, sampleCount and imageSize', async () => {
    const out = await adapter.generate!(model('imagen-4'), {
      prompt: 'a fox',
      aspectRatio: '9:16',
      resolution: '2k',
      count: 1,
    });
    expect(out).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.path).toMatch(/imagen-4\.0-generate-001:predict$/);
    const body = JSON.parse(req.body.toString());
    expect(body.parameters).toMatchObject({ aspectRatio: '9:16', sampleCount: 1, sampleImageSize: '2K' });
  });

  it('Gemini vision: asks for JSON and formats the prompts (Midjourney --ar from the source)', async () => {
    const out = await adapter.describe!(model('gemini-flash-vision'), {
      image: source,
      language: 'en',
      style: 'midjourney',
      variants: 2,
    });
    expect(out.prompts).toEqual(['a red square --ar 4:3', 'a crimson block --ar 4:3']);
    const body = JSON.parse(server.requests[0]!.body.toString());
    expect(body.generationConfig.responseMimeType).toBe('application/json');
  });

  const FAILURES: [Mode, string][] = [
    [400, 'provider-bad-request'],
    [401, 'provider-config'],
    [429, 'provider-rate-limit'],
    [500, 'provider-unavailable'],
    ['hang', 'provider-timeout'],
    ['safety', 'provider-safety'],
    ['malformed', 'provider-bad-response'],
  ];
  it.each(FAILURES)('%s → %s (Gemini image, Imagen, describe)', async (m, reason) => {
    mode = m;
    const input = { prompt: 'p', aspectRatio: '1:1' as const, resolution: '1k' as const, count: 1 };
    await expect(adapter.generate!(model('gemini-image'), input)).rejects.toMatchObject({ reason });
    await expect(adapter.generate!(model('imagen-4'), input)).rejects.toMatchObject({ reason });
    await expect(
      adapter.describe!(model('gemini-flash-vision'), {
        image: source,
        language: 'ja',
        style: 'natural',
        variants: 1,
      }),
    ).rejects.toMatchObject({ reason });
  });
});
