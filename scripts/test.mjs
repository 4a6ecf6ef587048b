#!/usr/bin/env node
// The one test command (`npm test`): lint, typecheck, build, the offline tier, then the
// emulator tier when this machine can run it, then the deterministic size budgets.
//   --offline-only    skip the emulator tier silently (used by `npm run test:offline`)
//   --emulators-only  run only the emulator tier and fail loudly when it cannot run
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorTierBlocker, ROOT, PROJECT_ID } from './lib/emulators.mjs';

const args = new Set(process.argv.slice(2));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, cmdArgs, env = {}) {
  console.info(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed after ${secs}s`);
    printTotals();
    process.exit(r.status ?? 1);
  }
  console.info(`✔ ${title} (${secs}s)`);
}

function vitest(title, projectArgs, reportName, wrap) {
  const report = join(ROOT, 'artifacts', `vitest-${reportName}.json`);
  const vitestArgs = [
    'run',
    ...projectArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  if (wrap)
    run(title, bin('firebase'), [...wrap, `${bin('vitest')} ${vitestArgs.map((a) => `'${a}'`).join(' ')}`]);
  else run(title, bin('vitest'), vitestArgs);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}

function printTotals() {
  console.info(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

function emulatorTier() {
  vitest(
    'emulator tier (Firestore, Storage, Auth, Functions emulators)',
    ['--project', 'emulator'],
    'emulator',
    ['emulators:exec', '--only', 'auth,functions,firestore,storage', '--project', PROJECT_ID],
  );
}

if (args.has('--emulators-only')) {
  const blocker = emulatorTierBlocker();
  if (blocker) {
    console.error(`✖ The emulator tier cannot run on this machine: ${blocker}.`);
    process.exit(1);
  }
  run('build functions', 'npm', ['run', 'build', '-w', 'functions']);
  emulatorTier();
  printTotals();
  process.exit(0);
}

run('lint', bin('eslint'), ['.', '--max-warnings=0']);
run('typecheck', 'npm', ['run', 'typecheck']);
run('build (shared, functions, web, extension)', 'npm', ['run', 'build']);
vitest('offline tier', ['--project', 'offline:*'], 'offline');
vitest('npm run dev in local mode', ['--project', 'dev'], 'dev');

if (!args.has('--offline-only')) {
  const blocker = emulatorTierBlocker();
  if (blocker)
    console.info(
      `\n⏭ emulator tier skipped: ${blocker}; run it where those exist with \`npm run test:emulators\`.`,
    );
  else emulatorTier();
}

if (existsSync(join(ROOT, 'scripts', 'bench.mjs')))
  run('size budgets', 'node', ['scripts/bench.mjs', '--check', '--sizes-only']);
printTotals();
