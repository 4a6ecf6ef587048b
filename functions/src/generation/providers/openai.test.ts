import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { MODELS, type ModelInfo } from '@mimicit/shared';
import { json, jpeg, startServer, withRoles, type TestServer } from '../../../test/kits/generation.js';
import { normalizeImage, type NormalizedImage } from '../intake/normalize.js';
import { createOpenAiAdapter, gptImageSize } from './openai.js';
import type { ProviderAdapter } from './types.js';

const model = (id: string) => MODELS.find((m) => m.id === id) as ModelInfo;
type Mode = 'ok' | 400 | 401 | 404 | 429 | 500 | 'hang' | 'safety' | 'gone' | 'empty' | 'malformed';

describe('OpenAI adapter through the openai SDK against a local fake', () => {
  let server: TestServer;
  let mode: Mode = 'ok';
  let image: Buffer;
  let source: NormalizedImage;
  let adapter: ProviderAdapter;

  const respond = (path: string, res: http.ServerResponse) => {
    if (mode === 'hang') return;
    if (typeof mode === 'number') {
      return json(res, mode, { error: { message: 'fake error', type: 'invalid_request_error', code: null } });
    }
    if (mode === 'safety') {
      return json(res, 400, {
        error: {
          message: 'Your request was rejected by the safety system.',
          type: 'image_generation_user_error',
          code: 'moderation_blocked',
        },
      });
    }
    if (mode === 'gone') {
      return json(res, 400, {
        error: {
          message: 'The model does not exist.',
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      });
    }
    if (mode === 'malformed')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":');
    if (mode === 'empty' && !path.endsWith('/chat/completions'))
      return json(res, 200, { created: 1, data: [] });
    if (path.endsWith('/chat/completions')) {
      return json(res, 200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-6.1-terra',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              refusal: null,
              content: JSON.stringify({ prompts: ['夕焼けの港'], negative_prompt: '' }),
            },
          },
        ],
      });
    }
    return json(res, 200, { created: 1, data: [{ b64_json: image.toString('base64') }] });
  };

  beforeAll(async () => {
    image = await jpeg(40, 30);
    source = await normalizeImage(image, { maxSide: 512 });
    server = await startServer((req, _body, res) => respond(req.url ?? '', res));
    adapter = createOpenAiAdapter({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 500 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mode = 'ok';
    server.requests.length = 0;
  });

  it('images.generate: GPT Image 2 size for the ratio and tier, quality and output format', async () => {
    const out = await adapter.generate!(model('gpt-image'), {
      prompt: 'a fox',
      aspectRatio: '16:9',
      resolution: '1k',
      count: 2,
    });
    expect(out[0]?.bytes).toEqual(image);
    const req = server.requests[0]!;
    expect(req.path).toBe('/images/generations');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.parse(req.body.toString())).toMatchObject({
      model: 'gpt-image-2',
      size: '1824x1024',
      quality: 'high',
      output_format: 'jpeg',
      n: 2,
    });
  });

  it.each([
    ['1:1', '1k', '1024x1024'],
    ['3:2', '1k', '1536x1024'],
    ['2:3', '1k', '1024x1536'],
    ['21:9', '1k', '2384x1024'],
    ['1:1', '2k', '2048x2048'],
    ['9:16', '2k', '1152x2048'],
  ] as const)('size for %s at %s is %s (sides divisible by 16)', (ratio, res, size) => {
    expect(gptImageSize(ratio, res)).toBe(size);
    for (const side of size.split('x').map(Number)) expect(side % 16).toBe(0);
  });

  it('images.edit sends every reference as an image[] part of the multipart body', async () => {
    await adapter.generate!(model('gpt-image'), {
      prompt: 'a fox',
      references: [source, source, source],
      aspectRatio: '2:3',
      resolution: '2k',
      count: 1,
    });
    const req = server.requests[0]!;
    expect(req.path).toBe('/images/edits');
    expect(req.headers['content-type']).toMatch(/multipart\/form-data/);
    const text = req.body.toString('latin1');
    expect(text).toContain('1360x2048');
    expect(text).toContain('gpt-image-2');
    for (const n of [1, 2, 3]) expect(text).toContain(`filename="reference-${n}.jpg"`);
  });

  it('images.edit with roles: every image sent, the roles spelled out in the prompt, no seed', async () => {
    await adapter.generate!(model('gpt-image'), {
      prompt: 'a fox on a rooftop',
      references: withRoles(source, ['subject', 'scene', 'style']),
      aspectRatio: '1:1',
      resolution: '1k',
      count: 1,
    });
    const text = server.requests[0]!.body.toString('latin1');
    for (const n of [1, 2, 3]) expect(text).toContain(`filename="reference-${n}.jpg"`);
    const prompt = /name="prompt"\r\n\r\n([\s\S]*?)\r\n--/.exec(text)?.[1];
    // Multipart fields travel with CRLF line ends.
    const lines = prompt?.split(/\r?\n/);
    expect(lines?.map((l) => l.split(':')[0])).toEqual([
      'Image 1 is the subject',
      'Image 2 is the scene',
      'Image 3 is the style',
      '',
      'a fox on a rooftop',
    ]);
    expect(text).not.toContain('name="seed"');
  });

  it('describe: image as a data URL, JSON answer, SD style gets a default negative prompt', async () => {
    const out = await adapter.describe!(model('gpt-vision'), {
      image: source,
      language: 'ja',
      style: 'stable-diffusion',
      variants: 1,
    });
    expect(out.prompts).toEqual(['夕焼けの港']);
    expect(out.negativePrompt).toMatch(/低解像度/);
    const body = JSON.parse(server.requests[0]!.body.toString());
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0].content[1].image_url.url).toMatch(/^data:image\/jpeg;base64,/);
  });

  const FAILURES: [Mode, string][] = [
    [400, 'provider-bad-request'],
    [401, 'provider-config'],
    [404, 'model-unavailable'],
    ['gone', 'model-unavailable'],
    [429, 'provider-rate-limit'],
    [500, 'provider-unavailable'],
    ['hang', 'provider-timeout'],
    ['safety', 'provider-safety'],
    ['malformed', 'provider-bad-response'],
  ];
  it.each(FAILURES)('%s → %s (generate and describe)', async (m, reason) => {
    mode = m;
    await expect(
      adapter.generate!(model('gpt-image'), { prompt: 'p', aspectRatio: '1:1', resolution: '1k', count: 1 }),
    ).rejects.toMatchObject({ reason });
    await expect(
      adapter.describe!(model('gpt-vision'), { image: source, language: 'en', style: 'tags', variants: 1 }),
    ).rejects.toMatchObject({ reason });
  });

  it('an answer with no image data → provider-no-image', async () => {
    mode = 'empty';
    await expect(
      adapter.generate!(model('gpt-image'), { prompt: 'p', aspectRatio: '1:1', resolution: '1k', count: 1 }),
    ).rejects.toMatchObject({ reason: 'provider-no-image' });
  });
});
