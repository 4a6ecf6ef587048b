// Starts and stops the local backend (functions/src/local, built into functions/lib-local) for
// `npm run dev`, the browser tests and the bench. Local mode: README "Local mode".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './emulators.mjs';

export const LOCAL_ENTRY = join(ROOT, 'functions', 'lib-local', 'main.js');
/** The Functions emulator's port: the SDK's connectFunctionsEmulator reaches either unchanged. */
export const DEV_LOCAL_PORT = 5001;
/** The browser tests' port, beside the callable tier's Functions emulator on 5001. */
export const E2E_LOCAL_PORT = 5011;
/** Where `npm run dev` keeps local mode's data (git-ignored; delete it to start over). */
export const DEV_DATA_DIR = join(ROOT, '.mimicit');

/** Builds functions/lib-local (fast: esbuild). */
export function buildLocalBackend() {
  const r = spawnSync(process.execPath, [join(ROOT, 'functions', 'build.mjs'), '--local'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`local backend build failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Resolves once `url` answers at all (any HTTP status), or rejects when `isDead()` says the
 * process behind it is gone or `timeoutMs` passes.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, isDead = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`${url}: the process serving it exited`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/**
 * Starts the backend on `port` over `dataDir` and resolves once it answers. Scheduled jobs run on
 * timers only with `timers` (tests run them through POST /local/v1/jobs/{name}); App Check is
 * enforced only with `appCheck: 'enforce'` (off in local mode otherwise, README "Security");
 * `imageHost` (browser journeys) makes image addresses on that host name reach this machine;
 * `env` is added to the backend's environment.
 */
export async function startLocalBackend({
  port,
  dataDir,
  timers = false,
  logFile,
  authHost = '127.0.0.1:9099',
  appCheck = 'off',
  imageHost,
  env = {},
}) {
  if (!existsSync(LOCAL_ENTRY)) buildLocalBackend();
  mkdirSync(dataDir, { recursive: true });
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const args = [LOCAL_ENTRY, '--port', String(port), '--data', dataDir, '--auth', authHost];
  if (!timers) args.push('--no-timers');
  if (appCheck === 'enforce') args.push('--app-check', 'enforce');
  if (imageHost) args.push('--image-host', imageHost);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  let exited = false;
  const gone = new Promise((r) => child.once('exit', () => r((exited = true))));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/local/v1/health`, { isDead: () => exited });
  return {
    url,
    pid: child.pid,
    /** Stops the process (SIGTERM: it closes its store cleanly) and waits for it. */
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await gone;
    },
  };
}
