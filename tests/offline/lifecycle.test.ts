// storage-lifecycle.json keeps the product's promises (exports gone after RETENTION.exportDays,
// generated images never touched), and `npm run storage:lifecycle` applies exactly that file
// through firebase-admin — checked against a local HTTP fake of the Cloud Storage JSON API.
import { readFileSync } from 'node:fs';
import { RETENTION, storagePaths } from '@mimicit/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startFakeGcs, type FakeGcs } from './fake-gcs.js';

interface LifecycleRule {
  action: { type: string };
  condition: { age?: number; matchesPrefix?: string[] };
}

const ROOT = new URL('../../', import.meta.url);
const lifecycle = JSON.parse(readFileSync(new URL('storage-lifecycle.json', ROOT), 'utf8')) as {
  rule: LifecycleRule[];
};

describe('storage-lifecycle.json', () => {
  const deletes = lifecycle.rule.filter((r) => r.action.type === 'Delete');

  it(`deletes exports after RETENTION.exportDays (${RETENTION.exportDays} day)`, () => {
    const exportPrefix = storagePaths.exportPrefix('uid').split('/')[0] + '/';
    expect(deletes).toContainEqual({
      action: { type: 'Delete' },
      condition: { age: RETENTION.exportDays, matchesPrefix: [exportPrefix] },
    });
  });

  it('aborts incomplete multipart uploads after a day', () => {
    expect(lifecycle.rule).toContainEqual({
      action: { type: 'AbortIncompleteMultipartUpload' },
      condition: { age: 1 },
    });
  });

  it('never deletes generated images (every Delete rule is limited to exports/)', () => {
    const image = storagePaths.generationImage('uid', 'gen', 'png');
    for (const rule of deletes) {
      expect(rule.condition.matchesPrefix?.length).toBeGreaterThan(0);
      expect(rule.condition.matchesPrefix!.some((p) => image.startsWith(p))).toBe(false);
    }
  });
});

describe('npm run storage:lifecycle', () => {
  let gcs: FakeGcs;
  const lifecycleScript = (args: string[], env: Record<string, string | undefined>) =>
    runScript('storage-lifecycle.mjs', args, env);

  beforeAll(async () => {
    gcs = await startFakeGcs({
      'demo-mimicit-bucket': {
        lifecycle: { rule: [{ action: { type: 'Delete' }, condition: { age: 365 } }] },
      },
      'mimicit-new.firebasestorage.app': {},
    });
  });
  afterAll(() => gcs.close());

  it('fails clearly without a bucket', async () => {
    const run = await lifecycleScript([], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no bucket: pass --bucket <name> or --project <id>, or set STORAGE_BUCKET/);
  });

  it('prints the plan on --dry-run without calling Cloud Storage', async () => {
    const run = await lifecycleScript(['--dry-run'], {
      STORAGE_BUCKET: 'demo-mimicit-bucket',
      STORAGE_EMULATOR_HOST: gcs.endpoint,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('delete objects older than 1 day under exports/');
    expect(run.stdout).toContain('abort incomplete multipart uploads older than 1 day');
    expect(run.stdout).toContain('dry run: nothing changed.');
    expect(gcs.requests).toHaveLength(0);
  });

  it('applies exactly the file to the bucket with setMetadata and reports it', async () => {
    const run = await lifecycleScript(['--bucket', 'demo-mimicit-bucket'], {
      STORAGE_EMULATOR_HOST: gcs.endpoint,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const patch = gcs.requests.find((r) => r.method === 'PATCH');
    expect(patch?.url).toMatch(/^\/b\/demo-mimicit-bucket/);
    expect(JSON.parse(patch!.body)).toEqual({ lifecycle });
    expect(run.stdout).toContain('previous lifecycle: 1 rule(s), replaced.');
    expect(run.stdout).toContain('✔ applied 2 lifecycle rule(s) to gs://demo-mimicit-bucket');
  });

  it("with --project, uses the project's default bucket (.firebasestorage.app for new projects)", async () => {
    const run = await lifecycleScript(['--project', 'mimicit-new'], { STORAGE_EMULATOR_HOST: gcs.endpoint });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ applied 2 lifecycle rule(s) to gs://mimicit-new.firebasestorage.app');
    expect(gcs.buckets.get('mimicit-new.firebasestorage.app')?.lifecycle).toEqual(lifecycle);
  });

  it('names a missing bucket', async () => {
    const run = await lifecycleScript(['--bucket', 'no-such-bucket'], {
      STORAGE_EMULATOR_HOST: gcs.endpoint,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bucket "no-such-bucket" does not exist');
  });

  it('fails clearly without credentials', async () => {
    const run = await lifecycleScript(['--bucket', 'demo-mimicit-bucket'], {
      GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/mimicit-key.json',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no usable Google Cloud credentials/);
    expect(run.stderr).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });
});
