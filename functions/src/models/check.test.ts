import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { paths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../lib/testing.js';
import { setDeps } from '../lib/deps.js';
import { handleGetCatalog } from '../catalog/get-catalog.js';
import { json, startServer, type TestServer } from '../generation/testing/fixtures.js';
import { listModels } from './list-models.js';
import { runModelCheck } from './check-models.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * One local fake for the three list-models endpoints: Gemini API `GET /v1/models` (paged; the
 * SDK's path),
 * OpenAI `GET /models` (with `shutdown_date`), fal Platform API `GET /v1/models?endpoint_id=…`.
 * Gemini no longer lists gemini-3.1-flash-image; OpenAI announces gpt-image-2's shutdown; fal
 * lists the FLUX.2 text endpoint but not the edit endpoint.
 */
describe('retirement watch against fakes of each list-models endpoint', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, _body, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const fal = url.searchParams.has('endpoint_id');
      if (/^\/v1(beta)?\/models$/.test(url.pathname) && !fal) {
        const second = url.searchParams.get('pageToken') === 'p2';
        return json(res, 200, {
          models: second
            ? [{ name: 'models/gemini-3-pro-image' }]
            : [{ name: 'models/gemini-3.6-flash' }, { name: 'models/gemini-2.5-flash' }],
          ...(second ? {} : { nextPageToken: 'p2' }),
        });
      }
      if (url.pathname === '/models') {
        return json(res, 200, {
          object: 'list',
          data: [
            { id: 'gpt-6.1-terra', object: 'model', created: 1, owned_by: 'openai', shutdown_date: null },
            {
              id: 'gpt-image-2',
              object: 'model',
              created: 1,
              owned_by: 'openai',
              shutdown_date: '2027-03-01',
            },
          ],
        });
      }
      if (url.pathname === '/v1/models' && fal) {
        const ids = url.searchParams.getAll('endpoint_id');
        return json(res, 200, {
          models: ids
            .filter((id) => id === 'fal-ai/flux-2-pro')
            .map((endpoint_id) => ({ endpoint_id, metadata: { status: 'active' } })),
          has_more: false,
        });
      }
      json(res, 404, { error: 'no such fake route' });
    });
  });
  afterAll(() => server.close());

  const config = () => ({ apiKey: 'k', baseUrl: server.url, timeoutMs: 5000 });

  it('Gemini: every page of models.list, names without the models/ prefix', async () => {
    const listing = await listModels('google', [], config());
    expect([...listing.keys()]).toEqual(['gemini-3.6-flash', 'gemini-2.5-flash', 'gemini-3-pro-image']);
  });

  it('OpenAI: models.list with shutdown_date read as deprecated', async () => {
    const listing = await listModels('openai', [], config());
    expect(listing.get('gpt-6.1-terra')).toEqual({ deprecated: false });
    expect(listing.get('gpt-image-2')).toEqual({ deprecated: true, shutdownDate: '2027-03-01' });
  });

  it('fal: the Platform API is asked about our endpoints only, with the key', async () => {
    server.requests.length = 0;
    const listing = await listModels('fal', ['fal-ai/flux-2-pro', 'fal-ai/flux-2-pro/edit'], config());
    expect([...listing.keys()]).toEqual(['fal-ai/flux-2-pro']);
    const req = server.requests[0]!;
    expect(req.headers.authorization).toBe('Key k');
    expect(new URL(req.path, 'http://x').searchParams.getAll('endpoint_id')).toEqual([
      'fal-ai/flux-2-pro',
      'fal-ai/flux-2-pro/edit',
    ]);
  });

  describe('the daily check', () => {
    let deps: ReturnType<typeof useMemoryDeps>;
    beforeEach(() => {
      deps = useMemoryDeps();
      // Keys set, as in production: the catalog greys out only what the check marks.
      for (const key of ['GEMINI_API_KEY', 'OPENAI_API_KEY', 'FAL_KEY']) vi.stubEnv(key, 'set');
    });
    afterEach(() => {
      setDeps({});
      vi.unstubAllEnvs();
    });

    it('reports every model, marks the missing ones unavailable, leaves deprecated ones on', async () => {
      const rows = await runModelCheck(deps, (provider, wanted) => listModels(provider, wanted, config()));
      const state = Object.fromEntries(rows.map((r) => [`${r.id} ${r.providerModel}`, r.state]));
      expect(state).toEqual({
        'gemini-flash-vision gemini-3.6-flash': 'ok',
        'gemini-image gemini-3.1-flash-image': 'missing',
        'gemini-image-pro gemini-3-pro-image': 'ok',
        'gpt-vision gpt-6.1-terra': 'ok',
        'gpt-image gpt-image-2': 'deprecated',
        'flux-2 fal-ai/flux-2-pro': 'ok',
        'flux-2 fal-ai/flux-2-pro/edit': 'missing',
      });
      expect((await deps.store.get(paths.modelStatus('gemini-image'))).data).toMatchObject({
        detectedBy: 'watch',
        providerModel: 'gemini-3.1-flash-image',
      });
      const models = (await handleGetCatalog(fakeRequest({}, 'u1'))).models;
      const grey = models.filter((m) => !m.available).map((m) => [m.id, m.unavailableReason]);
      expect(grey).toEqual([
        ['gemini-image', 'retired'],
        ['flux-2', 'retired'],
      ]);
    });

    it('a model greyed out only for want of a key here is still checked and marked', async () => {
      vi.stubEnv('FAL_KEY', '');
      const rows = await runModelCheck(deps, (provider, wanted) => listModels(provider, wanted, config()));
      expect(rows.filter((r) => r.id === 'flux-2').map((r) => r.state)).toEqual(['ok', 'missing']);
      const models = (await handleGetCatalog(fakeRequest({}, 'u1'))).models;
      expect(models.find((m) => m.id === 'flux-2')).toMatchObject({
        available: false,
        unavailableReason: 'retired',
      });
    });

    it('a provider that cannot be asked is reported as an error and marks nothing', async () => {
      const rows = await runModelCheck(deps, async (provider, wanted) =>
        provider === 'openai'
          ? Promise.reject(new Error('connection refused'))
          : listModels(provider, wanted, config()),
      );
      expect(rows.filter((r) => r.provider === 'openai').map((r) => r.state)).toEqual(['error', 'error']);
      expect((await deps.store.get(paths.modelStatus('gpt-image'))).data).toBeUndefined();
    });
  });

  it('npm run models:check prints one line per model and exits 1 when any needs an operator', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      GEMINI_API_KEY: 'k',
      OPENAI_API_KEY: 'k',
      FAL_KEY: '',
      MODELS_CHECK_GOOGLE_URL: server.url,
      MODELS_CHECK_OPENAI_URL: server.url,
    };
    const out = await run(process.execPath, ['scripts/models-check.mjs'], { cwd: ROOT, env }).catch(
      (err: { code: number; stdout: string }) => err,
    );
    expect('code' in out ? out.code : 0).toBe(1);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OK\s+google\s+gemini-flash-vision\s+gemini-3\.6-flash$/),
        expect.stringMatching(/^MISSING\s+google\s+gemini-image\s+gemini-3\.1-flash-image/),
        expect.stringMatching(/^DEPRECATED\s+openai\s+gpt-image\s+gpt-image-2\s+\(shutdown 2027-03-01\)/),
        expect.stringMatching(/^SKIPPED\s+fal\s+flux-2\s+fal-ai\/flux-2-pro\s+\(no key\)/),
      ]),
    );
    expect(lines.at(-1)).toMatch(/2 of 7 need an operator/);
  }, 60_000);
});
