// @vitest-environment node
// Local mode can never be part of a production build: `vite build` (mode production) with the
// local-mode variables set still yields a bundle without the local adapter, while the same
// build in a development mode (what `npm run dev` and the browser tests use) contains it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_API } from '@mimicit/client-data/wire';

const WEB_DIR = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Builds the web app in `mode` with local mode asked for; returns the JS files that mention its API. */
function buildMentioningLocalApi(mode: string): string[] {
  const outDir = mkdtempSync(join(tmpdir(), `mimicit-web-${mode}-`));
  dirs.push(outDir);
  const env = { ...process.env, VITE_BACKEND: 'local', VITE_LOCAL_BACKEND_URL: 'http://127.0.0.1:5001' };
  const r = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir'], {
    cwd: WEB_DIR,
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`web build (${mode}) failed:\n${r.stdout}\n${r.stderr}`);
  return files(outDir).filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(LOCAL_API.doc));
}

describe('local mode and the web build', () => {
  it('a production build cannot contain the local adapter, whatever the variables say', () => {
    expect(buildMentioningLocalApi('production')).toEqual([]);
  }, 120_000);

  it('a development-mode build does (so the check above can see it)', () => {
    expect(buildMentioningLocalApi('e2e').length).toBeGreaterThan(0);
  }, 120_000);
});
