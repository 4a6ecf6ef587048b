// Builds of the web app and the extension for the browser tests (vite mode `e2e`), wired to
// local mode — the Auth emulator for sign-in, the local backend on E2E_LOCAL_PORT for callables
// and data — into artifacts/, plus a static server for the web build on the dev origin.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ROOT } from '../../scripts/lib/emulators.mjs';
import { E2E_LOCAL_PORT } from '../../scripts/lib/local-backend.mjs';

export const WEB_E2E_DIR = join(ROOT, 'artifacts', 'web-e2e');
export const EXTENSION_E2E_DIR = join(ROOT, 'artifacts', 'extension-e2e');
export const WEB_ORIGIN = 'http://127.0.0.1:5173';

/** What the e2e builds are told at build time (local mode, its backend, the Auth emulator). */
export const E2E_BUILD_ENV = {
  VITE_BACKEND: 'local',
  VITE_LOCAL_BACKEND_URL: `http://127.0.0.1:${E2E_LOCAL_PORT}`,
  VITE_USE_EMULATORS: 'true',
};

export function buildE2eBundles(): void {
  for (const [workspace, outDir] of [
    ['web', WEB_E2E_DIR],
    ['extension', EXTENSION_E2E_DIR],
  ] as const) {
    const r = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir'], {
      cwd: join(ROOT, workspace),
      env: { ...process.env, ...E2E_BUILD_ENV },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`e2e build of ${workspace} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the e2e web build with the SPA fallback Hosting uses. */
export async function serveWeb(port = 5173): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', WEB_ORIGIN);
    let file = normalize(join(WEB_E2E_DIR, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WEB_E2E_DIR) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(WEB_E2E_DIR, 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
