// @vitest-environment node
// The production bundle: no remotely loaded code (the Chrome Web Store rejects it), exactly the
// promised permissions, app-only hosts and origins, the content script within its budget, and
// no local mode (built with the local-mode variables set, to prove they are ignored).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_API } from '@mimicit/client-data/wire';

const EXTENSION_DIR = join(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'mimicit-ext-'));
let manifest: chrome.runtime.ManifestV3;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

beforeAll(() => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VITE_APP_ORIGIN: 'https://app.example.com',
    // Local mode asked for: a production build must ignore it (checked below).
    VITE_BACKEND: 'local',
    VITE_LOCAL_BACKEND_URL: 'http://127.0.0.1:5001',
  };
  delete env.VITE_USE_EMULATORS;
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'production', '--outDir', outDir, '--emptyOutDir'], {
    cwd: EXTENSION_DIR,
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`extension build failed:\n${r.stdout}\n${r.stderr}`);
  manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as chrome.runtime.ManifestV3;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('production extension bundle', () => {
  it('loads no remote code', () => {
    const remote =
      /https:\/\/apis\.google\.com|https:\/\/www\.google\.com\/recaptcha|gstatic\.com\/[^"'`\s]*\.js|https?:\/\/[^"'`\s]+\.js["'`]/;
    const js = files(outDir).filter((f) => /\.(js|html)$/.test(f));
    expect(js.length).toBeGreaterThan(2);
    for (const file of js) expect(readFileSync(file, 'utf8'), file).not.toMatch(remote);
  });

  it('asks for exactly the promised permissions and only the app API hosts', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'sidePanel',
      'storage',
    ]);
    for (const host of manifest.host_permissions ?? []) {
      expect(host).toMatch(
        /^https:\/\/(asia-northeast1-[a-z0-9-]+\.cloudfunctions\.net|identitytoolkit\.googleapis\.com|securetoken\.googleapis\.com|firestore\.googleapis\.com|firebasestorage\.googleapis\.com)\/\*$/,
      );
    }
    expect(manifest.externally_connectable?.matches).toEqual(['https://app.example.com/*']);
    expect(manifest.content_security_policy?.extension_pages).toMatch(/^script-src 'self';/);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.default_locale).toBe('en');
  });

  it('contains no local mode: no local adapter, no localhost host permission', () => {
    const js = files(outDir).filter((f) => f.endsWith('.js'));
    expect(js.filter((f) => readFileSync(f, 'utf8').includes(LOCAL_API.doc))).toEqual([]);
    expect(manifest.host_permissions ?? []).not.toContain('http://127.0.0.1/*');
  });

  it('ships no test hooks and en/ja locales', () => {
    const all = files(outDir);
    expect(all.some((f) => f.endsWith(join('_locales', 'ja', 'messages.json')))).toBe(true);
    for (const f of all.filter((x) => x.endsWith('.js')))
      expect(readFileSync(f, 'utf8')).not.toContain('mimicitTest');
  });

  it('keeps the content script within 2 KB gzip, with no imports', () => {
    const scripts = manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [];
    expect(scripts).toHaveLength(1);
    const source = readFileSync(join(outDir, scripts[0]!), 'utf8');
    expect(source).not.toMatch(/\bimport\s*\(|\bimport\s+[{*\w]/);
    const gzipBytes = gzipSync(source).length;
    console.info(`content script: ${source.length} B, ${gzipBytes} B gzip`);
    expect(gzipBytes).toBeLessThanOrEqual(2048);
  });
});
