import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { MODELS, type ModelInfo } from '@mimicit/shared';
import { json, jpeg, startServer, withRoles, type TestServer } from '../../../test/kits/generation.js';
import { normalizeImage, type NormalizedImage } from '../intake/normalize.js';
import { createGoogleAdapter } from './google.js';
import type { ProviderAdapter } from './types.js';

const model = (id: string) => MODELS.find((m) => m.id === id) as ModelInfo;
type Mode =
  | 'ok'
  | 400
  | 401
  | 404
  | 429
  | 500
  | 'hang'
  | 'blocked'
  | 'IMAGE_SAFETY'
  | 'IMAGE_PROHIBITED_CONTENT'
  | 'NO_IMAGE'
  | 'IMAGE_OTHER'
  | 'text-only'
  | 'malformed';

/** Speaks the Gemini API's generateContent wire format (v1beta, JSON). */
describe('Google adapter through @google/genai against a local fake', () => {
  let server: TestServer;
  let mode: Mode = 'ok';
  let image: Buffer;
  let source: NormalizedImage;
  let adapter: ProviderAdapter;

  const candidate = (parts: unknown[], finishReason: string) => ({
    candidates: [{ content: { role: 'model', parts }, finishReason }],
  });

  const respond = (path: string, res: http.ServerResponse) => {
    if (mode === 'hang') return;
    if (typeof mode === 'number') {
      return json(res, mode, { error: { code: mode, message: 'fake error', status: 'FAKE' } });
    }
    if (mode === 'malformed')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"cand');
    if (mode === 'blocked') return json(res, 200, { promptFeedback: { blockReason: 'SAFETY' } });
    if (mode === 'text-only') return json(res, 200, candidate([{ text: 'I cannot draw that.' }], 'STOP'));
    if (mode !== 'ok') return json(res, 200, candidate([], mode));
    const b64 = image.toString('base64');
    if (path.includes('gemini-3.6-flash:')) {
      const text = JSON.stringify({ prompts: ['a red square', 'a crimson block'], negative_prompt: 'blur' });
      return json(res, 200, candidate([{ text }], 'STOP'));
    }
    // A Gemini 3 image model may send a "thought" image first; only the final one is the result.
    return json(
      res,
      200,
      candidate(
        [
          { inlineData: { mimeType: 'image/png', data: 'dGhvdWdodA==' }, thought: true },
          { inlineData: { mimeType: 'image/jpeg', data: b64 } },
        ],
        'STOP',
      ),
    );
  };

  beforeAll(async () => {
    image = await jpeg(40, 30);
    source = await normalizeImage(image, { maxSide: 512 });
    server = await startServer((req, _body, res) => respond(req.url ?? '', res));
    adapter = createGoogleAdapter({ apiKey: 'test-key', baseUrl: server.url, timeoutMs: 500 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mode = 'ok';
    server.requests.length = 0;
  });

  it('Nano Banana 2: imageConfig carries aspect ratio and imageSize, references go inline first', async () => {
    const out = await adapter.generate!(model('gemini-image'), {
      prompt: 'a fox',
      references: [source, source],
      aspectRatio: '21:9',
      resolution: '4k',
      count: 1,
    });
    expect(out).toHaveLength(1);
    expect(out[0]?.bytes).toEqual(image);
    const req = server.requests[0]!;
    expect(req.path).toMatch(/models\/gemini-3\.1-flash-image:generateContent$/);
    expect(req.headers['x-goog-api-key']).toBe('test-key');
    const body = JSON.parse(req.body.toString());
    expect(body.generationConfig.imageConfig).toEqual({ aspectRatio: '21:9', imageSize: '4K' });
    expect(body.generationConfig.responseModalities).toEqual(['IMAGE']);
    const parts = body.contents[0].parts;
    expect(
      parts.map((p: { inlineData?: unknown; text?: string }) => (p.inlineData ? 'image' : p.text)),
    ).toEqual(['image', 'image', 'a fox']);
  });

  it('roles: each image follows a text part naming its role (interleaved), the prompt last', async () => {
    await adapter.generate!(model('gemini-image'), {
      prompt: 'a fox on a rooftop',
      references: withRoles(source, ['subject', 'scene', 'style', undefined]),
      aspectRatio: '1:1',
      resolution: '1k',
      count: 1,
    });
    const parts = JSON.parse(server.requests[0]!.body.toString()).contents[0].parts;
    const shape = parts.map((p: { inlineData?: unknown; text?: string }) =>
      p.inlineData ? 'image' : p.text,
    );
    expect(shape).toEqual([
      expect.stringMatching(/^Image 1 is the subject/),
      'image',
      expect.stringMatching(/^Image 2 is the scene/),
      'image',
      expect.stringMatching(/^Image 3 is the style/),
      'image',
      expect.stringMatching(/^Image 4 is a reference/),
      'image',
      'a fox on a rooftop',
    ]);
    expect(JSON.stringify(parts)).not.toContain('seed');
  });

  it('Nano Banana Pro: the 2K size, no references', async () => {
    await adapter.generate!(model('gemini-image-pro'), {
      prompt: 'a fox',
      aspectRatio: '3:4',
      resolution: '2k',
      count: 1,
    });
    const req = server.requests[0]!;
    expect(req.path).toMatch(/models\/gemini-3-pro-image:generateContent$/);
    const body = JSON.parse(req.body.toString());
    expect(body.generationConfig.imageConfig).toEqual({ aspectRatio: '3:4', imageSize: '2K' });
    expect(body.contents[0].parts).toEqual([{ text: 'a fox' }]);
  });

  it('Gemini Flash describes: asks for JSON and formats the prompts (Midjourney --ar from the source)', async () => {
    const out = await adapter.describe!(model('gemini-flash-vision'), {
      image: source,
      language: 'en',
      style: 'midjourney',
      variants: 2,
    });
    expect(out.prompts).toEqual(['a red square --ar 4:3', 'a crimson block --ar 4:3']);
    expect(server.requests[0]!.path).toMatch(/models\/gemini-3\.6-flash:generateContent$/);
    const body = JSON.parse(server.requests[0]!.body.toString());
    expect(body.generationConfig.responseMimeType).toBe('application/json');
  });

  const IMAGE_FAILURES: [Mode, string][] = [
    [400, 'provider-bad-request'],
    [401, 'provider-config'],
    [404, 'model-unavailable'],
    [429, 'provider-rate-limit'],
    [500, 'provider-unavailable'],
    ['hang', 'provider-timeout'],
    ['blocked', 'provider-safety'],
    ['IMAGE_SAFETY', 'provider-safety'],
    ['IMAGE_PROHIBITED_CONTENT', 'provider-safety'],
    ['NO_IMAGE', 'provider-no-image'],
    ['IMAGE_OTHER', 'provider-no-image'],
    ['text-only', 'provider-no-image'],
    ['malformed', 'provider-bad-response'],
  ];
  it.each(IMAGE_FAILURES)('image: %s → %s', async (m, reason) => {
    mode = m;
    const input = { prompt: 'p', aspectRatio: '1:1' as const, resolution: '1k' as const, count: 1 };
    await expect(adapter.generate!(model('gemini-image'), input)).rejects.toMatchObject({ reason });
  });

  it('a finish without an image names the finish reason for the log', async () => {
    mode = 'NO_IMAGE';
    const input = { prompt: 'p', aspectRatio: '1:1' as const, resolution: '1k' as const, count: 1 };
    await expect(adapter.generate!(model('gemini-image'), input)).rejects.toMatchObject({
      extra: { finishReason: 'NO_IMAGE' },
    });
  });

  const DESCRIBE_FAILURES: [Mode, string][] = [
    [401, 'provider-config'],
    [404, 'model-unavailable'],
    [429, 'provider-rate-limit'],
    [500, 'provider-unavailable'],
    ['hang', 'provider-timeout'],
    ['blocked', 'provider-safety'],
    ['malformed', 'provider-bad-response'],
  ];
  it.each(DESCRIBE_FAILURES)('describe: %s → %s', async (m, reason) => {
    mode = m;
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
