// `npm run dev` as a person runs it, in local mode: one line says which backend runs and why,
// every URL it prints answers, and when a part dies it says so and stops everything (no port
// left taken). Its own vitest project, run after the offline tier (it uses the dev ports).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/emulators.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'mimicit-dev-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runDev(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'dev.mjs')], {
    cwd: ROOT,
    env: { ...process.env, MIMICIT_LOCAL_DATA: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', () => resolve(false));
  });
}

describe('npm run dev (local mode)', () => {
  let dev: ReturnType<typeof runDev> | undefined;
  afterAll(async () => {
    if (dev && dev.child.exitCode === null) {
      dev.child.kill('SIGTERM');
      await dev.exited;
    }
  });

  it('refuses an unknown MIMICIT_BACKEND with a clear message', async () => {
    const bad = runDev({ MIMICIT_BACKEND: 'cloud' });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('MIMICIT_BACKEND must be "local" or "emulators", not "cloud".');
  });

  it('says which backend runs and why, and every URL it prints answers', async () => {
    dev = runDev({ MIMICIT_BACKEND: 'local' });
    await expect.poll(() => dev!.output(), { timeout: 120_000, interval: 200 }).toMatch(/Ready in [\d.]+ s:/);
    const out = dev.output();
    expect(out.split('\n').filter((l) => l.startsWith('Backend:'))).toEqual([
      'Backend: local mode, because MIMICIT_BACKEND=local. (MIMICIT_BACKEND=local|emulators chooses.)',
    ]);
    const urls = [...out.matchAll(/^\s{2}.+?\s(http:\/\/127\.0\.0\.1:\d+)$/gm)].map((m) => m[1]!);
    expect(urls).toEqual(['http://127.0.0.1:5173', 'http://127.0.0.1:5001', 'http://127.0.0.1:9099']);
    for (const url of urls) expect((await fetch(url)).status, url).toBeLessThan(500);
  });

  it('stops everything and says so when a part dies', async () => {
    const health = (await (await fetch('http://127.0.0.1:5001/local/v1/health')).json()) as { pid: number };
    process.kill(health.pid, 'SIGKILL');
    expect(await dev!.exited).toBe(1);
    expect(dev!.output()).toMatch(/✖ backend stopped \(signal SIGKILL\); stopping everything\./);
    for (const port of [5173, 5001, 9099]) expect(await portOpen(port), `port ${port}`).toBe(false);
  });
});
