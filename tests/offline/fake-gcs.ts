// Test support for the bucket scripts: a local HTTP fake of the Cloud Storage JSON API (bucket
// metadata only: get and patch), and a runner for a script pointed at it with
// STORAGE_EMULATOR_HOST. No network, no credentials: tests talk to 127.0.0.1 only.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGcs {
  endpoint: string;
  requests: { method: string; url: string; body: string }[];
  /** Bucket metadata by bucket name; a name not here answers 404. */
  buckets: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startFakeGcs(buckets: Record<string, Record<string, unknown>>): Promise<FakeGcs> {
  const state = new Map(Object.entries(buckets).map(([name, meta]) => [name, { name, ...meta }]));
  const requests: FakeGcs['requests'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      const name = decodeURIComponent(/^\/b\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
      const meta = state.get(name);
      if (!meta) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 404, message: 'Not Found' } }));
        return;
      }
      if (req.method === 'PATCH') state.set(name, { ...meta, ...(JSON.parse(body) as object) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(state.get(name)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    buckets: state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<name>` with `args`; the caller's bucket, project and origin variables removed. */
export function runScript(
  name: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<Run> {
  const script = new URL(`../../scripts/${name}`, import.meta.url).pathname;
  const base = { ...process.env };
  for (const key of [
    'STORAGE_BUCKET',
    'STORAGE_EMULATOR_HOST',
    'FIREBASE_STORAGE_EMULATOR_HOST',
    'GOOGLE_CLOUD_PROJECT',
    'APP_ORIGINS',
  ])
    delete base[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      // No metadata-server probing: tests talk to 127.0.0.1 only.
      { env: { ...base, METADATA_SERVER_DETECTION: 'none', ...env }, timeout: 30_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}
