// storage-lifecycle.json keeps the product's promises (exports gone after RETENTION.exportDays,
// generated images never touched), and `npm run storage:lifecycle` applies exactly that file
// through firebase-admin — checked against a local HTTP fake of the Cloud Storage JSON API.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RETENTION, storagePaths } from '@mimicit/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface LifecycleRule {
  action: { type: string };
  condition: { age?: number; matchesPrefix?: string[] };
}

const ROOT = new URL('../../', import.meta.url);
const lifecycle = JSON.parse(readFileSync(new URL('storage-lifecycle.json', ROOT), 'utf8')) as {
  rule: LifecycleRule[];
};
const SCRIPT = new URL('scripts/storage-lifecycle.mjs', ROOT).pathname;

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

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runScript(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const base = { ...process.env };
  delete base.STORAGE_BUCKET;
  delete base.STORAGE_EMULATOR_HOST;
  delete base.FIREBASE_STORAGE_EMULATOR_HOST;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      // No metadata-server probing: tests talk to 127.0.0.1 only.
      { env: { ...base, METADATA_SERVER_DETECTION: 'none', ...env }, timeout: 30_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run storage:lifecycle', () => {
  const requests: { method: string; url: string; body: string }[] = [];
  let bucketMetadata: Record<string, unknown> = {
    name: 'demo-mimicit-bucket',
    lifecycle: { rule: [{ action: { type: 'Delete' }, condition: { age: 365 } }] },
  };
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      if (!req.url?.startsWith('/b/demo-mimicit-bucket')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 404, message: 'Not Found' } }));
        return;
      }
      if (req.method === 'PATCH') bucketMetadata = { ...bucketMetadata, ...(JSON.parse(body) as object) };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(bucketMetadata));
    });
  });
  let endpoint = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails clearly without a bucket', async () => {
    const run = await runScript([], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no bucket: pass --bucket <name> or set STORAGE_BUCKET/);
  });

  it('prints the plan on --dry-run without calling Cloud Storage', async () => {
    const run = await runScript(['--dry-run'], {
      STORAGE_BUCKET: 'demo-mimicit-bucket',
      STORAGE_EMULATOR_HOST: endpoint,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('delete objects older than 1 day under exports/');
    expect(run.stdout).toContain('abort incomplete multipart uploads older than 1 day');
    expect(run.stdout).toContain('dry run: nothing changed.');
    expect(requests).toHaveLength(0);
  });

  it('applies exactly the file to the bucket with setMetadata and reports it', async () => {
    const run = await runScript(['--bucket', 'demo-mimicit-bucket'], { STORAGE_EMULATOR_HOST: endpoint });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.url).toMatch(/^\/b\/demo-mimicit-bucket/);
    expect(JSON.parse(patch!.body)).toEqual({ lifecycle });
    expect(run.stdout).toContain('previous lifecycle: 1 rule(s), replaced.');
    expect(run.stdout).toContain('✔ applied 2 lifecycle rule(s) to gs://demo-mimicit-bucket');
  });

  it('names a missing bucket', async () => {
    const run = await runScript(['--bucket', 'no-such-bucket'], { STORAGE_EMULATOR_HOST: endpoint });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bucket "no-such-bucket" does not exist');
  });

  it('fails clearly without credentials', async () => {
    const run = await runScript(['--bucket', 'demo-mimicit-bucket'], {
      GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/mimicit-key.json',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no usable Google Cloud credentials/);
    expect(run.stderr).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });
});
