// storage-cors.json lets the app's own origins, and only them, GET objects (getBlob in the web app
// and the extension), and `npm run storage:cors` applies exactly that to the bucket — checked
// against a local HTTP fake of the Cloud Storage JSON API. Also how both bucket scripts find the
// default bucket of new (`.firebasestorage.app`) and older (`.appspot.com`) projects.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startFakeGcs, type FakeGcs } from './fake-gcs.js';

interface CorsRule {
  origin: string[];
  method: string[];
  responseHeader?: string[];
  maxAgeSeconds?: number;
}

const cors = JSON.parse(
  readFileSync(new URL('../../storage-cors.json', import.meta.url), 'utf8'),
) as CorsRule[];
const APP = 'https://mimicit.example';

describe('storage-cors.json', () => {
  it('allows GET only, from the app origins filled in at apply time, never a wildcard', () => {
    expect(cors.length).toBeGreaterThan(0);
    for (const rule of cors) {
      expect(rule.method).toEqual(['GET']);
      expect(rule.origin).toEqual(['$APP_ORIGINS']);
      expect(rule.maxAgeSeconds).toBeGreaterThan(0);
    }
  });
});

describe('npm run storage:cors', () => {
  let gcs: FakeGcs;
  const corsScript = (args: string[], env: Record<string, string | undefined> = {}) =>
    runScript('storage-cors.mjs', args, { STORAGE_EMULATOR_HOST: gcs.endpoint, ...env });
  const patches = (bucket: string) =>
    gcs.requests.filter((r) => r.method === 'PATCH' && r.url.startsWith(`/b/${bucket}`));

  beforeAll(async () => {
    gcs = await startFakeGcs({
      'mimicit-prod.firebasestorage.app': {},
      'mimicit-old.appspot.com': { cors: [{ origin: ['*'], method: ['GET', 'PUT'] }] },
      'both.firebasestorage.app': {},
      'both.appspot.com': {},
    });
  });
  afterAll(() => gcs.close());

  it('applies GET from exactly the app origins to a new project’s .firebasestorage.app bucket', async () => {
    const run = await corsScript(['--project', 'mimicit-prod'], {
      APP_ORIGINS: `${APP}, https://www.mimicit.example`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [patch] = patches('mimicit-prod.firebasestorage.app');
    expect(JSON.parse(patch!.body)).toEqual({
      cors: [{ ...cors[0], origin: [APP, 'https://www.mimicit.example'] }],
    });
    expect(run.stdout).toContain('GET from https://mimicit.example, https://www.mimicit.example');
    expect(run.stdout).toContain('✔ applied 1 CORS rule(s) to gs://mimicit-prod.firebasestorage.app.');
  });

  it('finds an older project’s .appspot.com bucket and replaces its configuration', async () => {
    const run = await corsScript(['--project', 'mimicit-old', '--origins', APP]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('previous CORS configuration: 1 rule(s), replaced.');
    expect(gcs.buckets.get('mimicit-old.appspot.com')?.cors).toEqual([{ ...cors[0], origin: [APP] }]);
  });

  it('prefers .firebasestorage.app when a project has both, and an explicit --bucket over both', async () => {
    await corsScript(['--project', 'both', '--origins', APP]);
    expect(patches('both.firebasestorage.app')).toHaveLength(1);
    expect(patches('both.appspot.com')).toHaveLength(0);
    await corsScript(['--project', 'both', '--bucket', 'both.appspot.com', '--origins', APP]);
    expect(patches('both.appspot.com')).toHaveLength(1);
  });

  it('names both default bucket names when a project has neither', async () => {
    const run = await corsScript(['--project', 'nobody', '--origins', APP]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nobody.firebasestorage.app, nobody.appspot.com');
  });

  it.each([
    ['no origins at all', []],
    ['a wildcard', ['--origins', '*']],
    ['an origin with a path', ['--origins', `${APP}/history`]],
    ['plain http on the internet', ['--origins', 'http://mimicit.example']],
  ])('refuses %s before touching the bucket', async (_name, args) => {
    const before = gcs.requests.length;
    const run = await corsScript(['--bucket', 'mimicit-prod.firebasestorage.app', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/origin/);
    expect(gcs.requests).toHaveLength(before);
  });

  it('prints the configuration on --dry-run without calling Cloud Storage', async () => {
    const before = gcs.requests.length;
    const run = await corsScript([
      '--project',
      'mimicit-prod',
      '--origins',
      'http://127.0.0.1:5173',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mimicit-prod.firebasestorage.app or mimicit-prod.appspot.com');
    expect(run.stdout).toContain('GET from http://127.0.0.1:5173');
    expect(gcs.requests).toHaveLength(before);
  });
});
