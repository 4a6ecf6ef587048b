#!/usr/bin/env node
// `npm run dev`: the whole product on this machine. Where the Firestore/Storage emulators can
// run (Java 21+ and their files), the Emulator Suite as before; otherwise local mode — the Auth
// emulator (no Java needed) and one local backend serving every callable, the Stripe webhook,
// the scheduled jobs, the client data API and a test checkout over one persisted store (README
// "Local mode"). MIMICIT_BACKEND=local|emulators chooses either way. The web app runs on Vite's
// dev server and the extension is built in watch mode into extension/dist. If any part stops,
// everything stops, and this says which.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { context } from 'esbuild';
import { configWithoutUi, emulatorTierBlocker, uiFilesPresent, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { DEV_DATA_DIR, DEV_LOCAL_PORT, LOCAL_ENTRY, waitForHttp } from './lib/local-backend.mjs';
import { buildOptions } from '../functions/build.mjs';

const started = Date.now();
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const children = new Map();
let stopping = false;

/** Which backend runs, and why, in words. */
function chooseBackend() {
  const asked = process.env.MIMICIT_BACKEND;
  if (asked && asked !== 'local' && asked !== 'emulators') {
    console.error(`MIMICIT_BACKEND must be "local" or "emulators", not "${asked}".`);
    process.exit(2);
  }
  const blocker = emulatorTierBlocker();
  if (asked === 'emulators' && blocker) {
    console.error(
      `MIMICIT_BACKEND=emulators, but the Firestore/Storage emulators cannot run here: ${blocker}.`,
    );
    process.exit(2);
  }
  if (asked) return { backend: asked, why: `MIMICIT_BACKEND=${asked}` };
  return blocker
    ? { backend: 'local', why: `the Firestore/Storage emulators cannot run here (${blocker})` }
    : { backend: 'emulators', why: 'Java 21+ and the emulator files are present' };
}

function start(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops everything it started.
    detached: true,
  });
  const prefix = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  const entry = { child, restarting: false, exited: false };
  child.on('exit', (code, signal) => {
    entry.exited = true;
    if (stopping || entry.restarting) return;
    console.error(
      `\n✖ ${name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping everything.`,
    );
    stopAll(1);
  });
  children.set(name, entry);
  return entry;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children.values()) signalGroup(child, 'SIGINT');
  const deadline = Date.now() + 10_000;
  const check = setInterval(() => {
    const alive = [...children.values()].filter((c) => !c.exited);
    if (alive.length === 0 || Date.now() > deadline) {
      // Whatever ignored SIGINT is killed, so no port stays taken.
      for (const { child } of alive) signalGroup(child, 'SIGKILL');
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function emulatorArgs(only, extra = []) {
  const args = ['emulators:start', '--only', only, '--project', PROJECT_ID, ...extra];
  if (!uiFilesPresent()) args.push('--config', configWithoutUi());
  return args;
}

const viteEnv = (backend) =>
  backend === 'local'
    ? { VITE_BACKEND: 'local', VITE_USE_EMULATORS: 'true' }
    : { VITE_USE_EMULATORS: 'true' };

async function startLocal() {
  const dataDir = process.env.MIMICIT_LOCAL_DATA || DEV_DATA_DIR;
  const authDir = join(dataDir, 'auth');
  // The Auth emulator keeps its accounts across restarts: imported at start, exported at exit.
  const persist = ['--export-on-exit', authDir];
  if (existsSync(join(authDir, 'firebase-export-metadata.json'))) persist.push('--import', authDir);
  // A private temp folder: firebase-tools keeps its hub locator there, and the export at exit
  // must find this hub, not another emulator run on the machine.
  const tmp = join(dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  start('auth', bin('firebase'), emulatorArgs('auth', persist), { NO_UPDATE_NOTIFIER: '1', TMPDIR: tmp });

  const backendArgs = [LOCAL_ENTRY, '--port', String(DEV_LOCAL_PORT), '--data', join(dataDir, 'local')];
  let backend;
  let firstBuild;
  const built = new Promise((r) => (firstBuild = r));
  // Rebuilt on every change; the backend restarts on the new build and loses nothing (its
  // store is on disk).
  const ctx = await context({
    ...buildOptions(true),
    logLevel: 'error',
    plugins: [
      ...buildOptions(true).plugins,
      {
        name: 'restart-backend',
        setup(b) {
          b.onEnd(async (result) => {
            firstBuild();
            if (result.errors.length > 0 || stopping) return;
            if (backend && !backend.exited) {
              backend.restarting = true;
              const gone = new Promise((r) => backend.child.once('exit', r));
              signalGroup(backend.child, 'SIGTERM');
              await gone;
              console.info('[backend]    rebuilt; restarting');
            }
            backend = start('backend', process.execPath, backendArgs);
          });
        },
      },
    ],
  });
  await ctx.watch();
  await built;
  return [
    ['Web app', 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/'],
    [
      'Local backend (callables, data, jobs, test checkout)',
      `http://127.0.0.1:${DEV_LOCAL_PORT}`,
      `http://127.0.0.1:${DEV_LOCAL_PORT}/local/v1/health`,
    ],
    ['Auth emulator', 'http://127.0.0.1:9099', 'http://127.0.0.1:9099/'],
  ];
}

function startEmulators() {
  const built = spawnSync('npm', ['run', 'build', '-w', 'functions'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  start('functions', 'npm', ['run', 'build:watch', '-w', 'functions']);
  start('emulators', bin('firebase'), emulatorArgs('auth,functions,firestore,storage,ui'), {
    NO_UPDATE_NOTIFIER: '1',
  });
  const ui = uiFilesPresent() ? [['Emulator UI', 'http://127.0.0.1:4000', 'http://127.0.0.1:4000/']] : [];
  return [
    ['Web app', 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/'],
    ['Functions emulator', 'http://127.0.0.1:5001', 'http://127.0.0.1:5001/'],
    ['Firestore emulator', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
    ['Storage emulator', 'http://127.0.0.1:9199', 'http://127.0.0.1:9199/'],
    ['Auth emulator', 'http://127.0.0.1:9099', 'http://127.0.0.1:9099/'],
    ...ui,
  ];
}

const { backend, why } = chooseBackend();
console.info(
  backend === 'local'
    ? `Backend: local mode, because ${why}. (MIMICIT_BACKEND=local|emulators chooses.)`
    : `Backend: Firebase Emulator Suite, because ${why}. (MIMICIT_BACKEND=local|emulators chooses.)`,
);
const urls = backend === 'local' ? await startLocal() : startEmulators();
const extensionStarted = Date.now();
start('web', 'npm', ['run', 'dev', '-w', 'web'], viteEnv(backend));
start('extension', 'npm', ['run', 'dev', '-w', 'extension'], viteEnv(backend));

try {
  await Promise.all(
    urls.map(([, , probe]) => waitForHttp(probe, { timeoutMs: 120_000, isDead: () => stopping })),
  );
} catch (err) {
  if (!stopping) {
    console.error(`\n✖ ${err instanceof Error ? err.message : err}; stopping everything.`);
    stopAll(1);
  }
}
if (!stopping) {
  const manifest = join(ROOT, 'extension', 'dist', 'manifest.json');
  const extensionReady = existsSync(manifest) && statSync(manifest).mtimeMs >= extensionStarted;
  console.info(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [name, url] of urls) console.info(`  ${name.padEnd(54)} ${url}`);
  console.info(
    `  ${'Chrome extension (load unpacked)'.padEnd(54)} ${join(ROOT, 'extension', 'dist')}${extensionReady ? '' : ' (first build still running)'}`,
  );
  if (backend === 'local')
    console.info(
      `  ${'Data (delete the folder to start over)'.padEnd(54)} ${process.env.MIMICIT_LOCAL_DATA || DEV_DATA_DIR}`,
    );
  console.info('Press Ctrl+C to stop.');
}
