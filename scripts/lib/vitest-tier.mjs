// One vitest tier as `npm test` runs it: the default reporter for people, the JSON reporter for
// the totals. The totals are read whether the tier passed or not (a failed tier is exactly when
// they matter), and a stale report from an earlier run is never mistaken for this one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Passed / failed / skipped counts of a vitest JSON report, or null when there is no readable
 * report (vitest stopped before writing one).
 */
export function readTotals(reportPath) {
  if (!existsSync(reportPath)) return null;
  try {
    const r = JSON.parse(readFileSync(reportPath, 'utf8'));
    return {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

/**
 * Runs `vitest run <args>` (through `wrap`, a command prefix taking the vitest command line as
 * its last argument, when given) with its JSON report at `reportPath`.
 * Returns the exit status and the report's totals (null when it wrote none).
 */
export function runVitestTier({ vitestBin, args, reportPath, cwd, wrap, stdio = 'inherit' }) {
  rmSync(reportPath, { force: true });
  mkdirSync(dirname(reportPath), { recursive: true });
  const vitestArgs = [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ];
  const [cmd, cmdArgs] = wrap
    ? [wrap[0], [...wrap.slice(1), [vitestBin, ...vitestArgs].map((a) => `'${a}'`).join(' ')]]
    : [vitestBin, vitestArgs];
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio });
  return { status: r.status ?? 1, totals: readTotals(reportPath) };
}

/** The one line `npm test` ends with: the real totals, and which tiers left no report. */
export function totalsLine(tiers) {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  const missing = [];
  for (const { title, totals } of tiers) {
    if (!totals) missing.push(title);
    else for (const k of Object.keys(sum)) sum[k] += totals[k];
  }
  if (tiers.length === 0) return 'tests: none ran (stopped before the test tiers)';
  const line = `tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`;
  return missing.length ? `${line} (no report from: ${missing.join(', ')})` : line;
}
