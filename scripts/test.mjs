#!/usr/bin/env node
// The one test command (`npm test`): lint, formatting, typecheck, build, the offline tier, then the
// emulator tier when this machine can run it, then the deterministic size budgets.
//   --offline-only    skip the emulator tier silently (used by `npm run test:offline`)
//   --emulators-only  run only the emulator tier and fail loudly when it cannot run
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorTierBlocker, ROOT, PROJECT_ID } from './lib/emulators.mjs';
import { runVitestTier, totalsLine } from './lib/vitest-tier.mjs';

const args = new Set(process.argv.slice(2));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
/** Every vitest tier run so far, with its totals (null when it left no report). */
const tiers = [];

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
  console.info(`\n▶ ${title}`);
  const started = Date.now();
  const { status, totals } = runVitestTier({
    vitestBin: bin('vitest'),
    args: projectArgs,
    reportPath: join(ROOT, 'artifacts', `vitest-${reportName}.json`),
    cwd: ROOT,
    wrap: wrap && [bin('firebase'), ...wrap],
  });
  tiers.push({ title: reportName, totals });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`✖ ${title} failed after ${secs}s`);
    printTotals();
    process.exit(status);
  }
  console.info(`✔ ${title} (${secs}s)`);
}

function printTotals() {
  console.info(`\n${totalsLine(tiers)}`);
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
// Formatting drift fails here, not in a follow-up commit: `npm run format` fixes it.
run('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level=warn']);
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
