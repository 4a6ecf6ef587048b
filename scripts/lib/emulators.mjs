// Starts and stops the Firebase Emulator Suite for tests and dev. Shared by the vitest
// global setup (Auth + Functions, which run without Java) and scripts/dev.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ID = 'demo-mimicit';
export const ROOT = new URL('../..', import.meta.url).pathname;
export const HUB = 'http://127.0.0.1:4400';
/** Keep in step with FUNCTIONS_REGION in packages/shared. */
export const REGION = 'asia-northeast1';
const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');

/** Java major version on PATH, or 0 when there is none. */
export function javaMajor() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) return 0;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/** The emulator files firebase-tools downloads once (Firestore and Storage need them). */
export function emulatorFilesPresent() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  if (!existsSync(dir)) return { firestore: false, storage: false };
  const files = readdirSync(dir);
  return {
    firestore: files.some((f) => f.startsWith('cloud-firestore-emulator') && f.endsWith('.jar')),
    storage: files.some((f) => f.startsWith('cloud-storage-rules-runtime') && f.endsWith('.jar')),
  };
}

/**
 * Why the Firestore/Storage emulator tier cannot run here, in one line, or null when it can.
 * Downloads cannot be attempted on machines without network, so missing files count as missing.
 */
export function emulatorTierBlocker() {
  const java = javaMajor();
  const files = emulatorFilesPresent();
  const missing = [];
  if (java < 21) missing.push(java === 0 ? 'Java 21+ (no java found)' : `Java 21+ (found Java ${java})`);
  if (!files.firestore || !files.storage) {
    if (process.env.MIMICIT_EMULATOR_DOWNLOAD !== '1') {
      missing.push(
        'the Firestore/Storage emulator files (~/.cache/firebase/emulators; set MIMICIT_EMULATOR_DOWNLOAD=1 where firebase-tools can download them)',
      );
    }
  }
  return missing.length ? `missing ${missing.join(' and ')}` : null;
}

async function hubEmulators() {
  try {
    const res = await fetch(`${HUB}/emulators`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/** True when the Emulator UI files are cached (firebase-tools would otherwise download them). */
export function uiFilesPresent() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('ui-v'));
}

/**
 * firebase.json with the Emulator UI turned off, written beside it (the project root is the
 * config file's folder). Used where the UI files are not cached and cannot be downloaded.
 */
export function configWithoutUi() {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
  config.emulators.ui = { ...config.emulators.ui, enabled: false };
  const file = join(ROOT, '.firebase.no-ui.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/**
 * Starts `firebase emulators:start --only <only>` and resolves once every requested emulator is
 * listed by the hub. Rejects with the tail of the log when they do not come up in time.
 */
export async function startEmulators({ only, timeoutMs = 120_000, logFile, env = {} }) {
  if (await hubEmulators()) throw new Error(`An emulator hub is already running at ${HUB}; stop it first.`);
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  const log = logFile ?? join(ROOT, 'artifacts', `emulators-${only.replaceAll(',', '-')}.log`);
  const fd = openSync(log, 'w');
  const args = ['emulators:start', '--only', only, '--project', PROJECT_ID];
  if (!uiFilesPresent()) args.push('--config', configWithoutUi());
  // A private temp folder for firebase-tools' hub locator: other emulator runs on this machine
  // (other checkouts, other network namespaces) share /tmp and would otherwise clobber it.
  const tmp = join(ROOT, 'artifacts', 'emulators-tmp');
  mkdirSync(tmp, { recursive: true });
  const child = spawn(FIREBASE_BIN, args, {
    cwd: ROOT,
    stdio: ['ignore', fd, fd],
    detached: true,
    env: {
      ...process.env,
      TMPDIR: tmp,
      NO_UPDATE_NOTIFIER: '1',
      // Without a Firestore emulator, functions use the in-memory store (emulator only).
      ...(only.includes('firestore') ? {} : { MIMICIT_STORE: 'memory' }),
      ...env,
    },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const wanted = only.split(',');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Firebase emulators exited early; see ${log}`);
    const running = await hubEmulators();
    if (
      running &&
      wanted.every((name) => running[name]) &&
      (!wanted.includes('functions') || (await functionsLoaded()))
    ) {
      return { log, stop: () => stopProcessGroup(child) };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopProcessGroup(child);
  throw new Error(`Firebase emulators (${only}) did not start within ${timeoutMs / 1000}s; see ${log}`);
}

/**
 * The hub lists the Functions emulator before it has loaded the code; a known callable answering
 * anything but 404 means the definitions are loaded.
 */
async function functionsLoaded() {
  try {
    const res = await fetch(`http://127.0.0.1:5001/${PROJECT_ID}/${REGION}/getCatalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"data":{}}',
      signal: AbortSignal.timeout(2000),
    });
    return res.status !== 404;
  } catch {
    return false;
  }
}

async function stopProcessGroup(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 10_000);
  await done;
  clearTimeout(timer);
}
