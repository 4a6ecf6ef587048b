#!/usr/bin/env node
// `npm run dev`: the Emulator Suite (demo project), functions rebuilt on change, the web dev
// server wired to the emulators, and the extension built in watch mode into extension/dist.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { configWithoutUi, emulatorTierBlocker, uiFilesPresent, PROJECT_ID, ROOT } from './lib/emulators.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const children = [];

function start(name, cmd, args, opts = {}) {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
  child.on('exit', (code) => {
    if (code && !stopping) {
      console.error(`${prefix} exited with code ${code}; stopping everything.`);
      stopAll(code);
    }
  });
  children.push(child);
}

let stopping = false;
function stopAll(code = 0) {
  stopping = true;
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGINT');
    } catch {
      /* already gone */
    }
  }
  // Whatever ignores SIGINT is killed before we exit, so no port stays taken.
  setTimeout(() => {
    for (const c of children) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.exit(code);
  }, 8000);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const built = spawnSync('npm', ['run', 'build', '-w', 'functions'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const blocker = emulatorTierBlocker();
const only = blocker ? 'auth,functions' : 'auth,functions,firestore,storage,ui';
if (blocker) {
  console.info(
    `Firestore and Storage emulators not started: ${blocker}. Auth and Functions run; data views stay empty.`,
  );
}
const emuArgs = ['emulators:start', '--only', only, '--project', PROJECT_ID];
if (!uiFilesPresent()) emuArgs.push('--config', configWithoutUi());

start('functions', 'npm', ['run', 'build:watch', '-w', 'functions']);
start('emulators', bin('firebase'), emuArgs, {
  env: { NO_UPDATE_NOTIFIER: '1', ...(blocker ? { MIMICIT_STORE: 'memory' } : {}) },
});
start('web', 'npm', ['run', 'dev', '-w', 'web'], { env: { VITE_USE_EMULATORS: 'true' } });
start('extension', 'npm', ['run', 'dev', '-w', 'extension'], { env: { VITE_USE_EMULATORS: 'true' } });
console.info(
  'Web app: http://127.0.0.1:5173 · Extension: load extension/dist unpacked in chrome://extensions',
);
