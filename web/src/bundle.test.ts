// @vitest-environment node
// Local mode can never be part of a production build: `vite build` (mode production) with the
// local-mode variables set still yields a bundle without the local adapter, while the same
// build in a development mode (what `npm run dev` and the browser tests use) contains it. The
// same holds for App Check's debug provider: a production build never carries a debug token.
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

const DEBUG_TOKEN = 'appcheck-debug-token-for-this-test-only';
const built = new Map<string, string[]>();

/** Builds the web app in `mode` with local mode and a debug token asked for; returns its JS sources. */
function build(mode: string): string[] {
  const cached = built.get(mode);
  if (cached) return cached;
  const outDir = mkdtempSync(join(tmpdir(), `mimicit-web-${mode}-`));
  dirs.push(outDir);
  const env = {
    ...process.env,
    VITE_BACKEND: 'local',
    VITE_LOCAL_BACKEND_URL: 'http://127.0.0.1:5001',
    VITE_USE_EMULATORS: 'true',
    APPCHECK_DEBUG_TOKEN: DEBUG_TOKEN,
  };
  const r = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir'], {
    cwd: WEB_DIR,
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`web build (${mode}) failed:\n${r.stdout}\n${r.stderr}`);
  const sources = files(outDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f, 'utf8'));
  built.set(mode, sources);
  return sources;
}
const mentioning = (mode: string, text: string) => build(mode).filter((js) => js.includes(text)).length;

describe('local mode, App Check debug mode and the web build', () => {
  it('a production build cannot contain the local adapter or a debug token, whatever the variables say', () => {
    expect(mentioning('production', LOCAL_API.doc)).toBe(0);
    expect(mentioning('production', DEBUG_TOKEN)).toBe(0);
  }, 120_000);

  it('a development-mode build does (so the check above can see them)', () => {
    expect(mentioning('e2e', LOCAL_API.doc)).toBeGreaterThan(0);
    expect(mentioning('e2e', DEBUG_TOKEN)).toBeGreaterThan(0);
  }, 120_000);
});
