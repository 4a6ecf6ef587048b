// `npm test`'s tier runner: a failing tier still reports its real totals (they were printed as
// "0 passed, 0 failed" before), and a stale report never stands in for a run that wrote none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/emulators.mjs';
import { readTotals, runVitestTier, totalsLine } from '../../scripts/lib/vitest-tier.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mimicit-tier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const vitestBin = join(ROOT, 'node_modules', '.bin', 'vitest');

describe('runVitestTier', () => {
  it('reads the totals of a failing tier from its JSON report', () => {
    writeFileSync(
      join(dir, 'mixed.test.js'),
      `it('passes', () => {});
       it('passes too', () => {});
       it('fails', () => { throw new Error('expected failure'); });
       it.skip('is skipped', () => {});`,
    );
    const reportPath = join(dir, 'report.json');
    // A stale report of an earlier, green run must not be read in place of this one.
    writeFileSync(reportPath, JSON.stringify({ numPassedTests: 99, numFailedTests: 0 }));
    const { status, totals } = runVitestTier({
      vitestBin,
      args: ['--root', dir, '--globals'],
      reportPath,
      cwd: dir,
      stdio: 'ignore',
    });
    expect(status).not.toBe(0);
    expect(totals).toEqual({ passed: 2, failed: 1, skipped: 1 });
    expect(totalsLine([{ title: 'offline', totals }])).toBe('tests: 2 passed, 1 failed, 1 skipped');
  });

  it('says which tier wrote no report instead of printing zeros', () => {
    const reportPath = join(dir, 'never-written.json');
    const { status, totals } = runVitestTier({
      vitestBin,
      args: ['--root', join(dir, 'no-such-folder')],
      reportPath,
      cwd: dir,
      wrap: ['false'], // A wrapper that fails before vitest starts (like an emulator that won't boot).
      stdio: 'ignore',
    });
    expect(status).not.toBe(0);
    expect(totals).toBeNull();
    expect(readTotals(reportPath)).toBeNull();
    expect(
      totalsLine([
        { title: 'offline', totals: { passed: 5, failed: 0, skipped: 1 } },
        { title: 'emulator', totals },
      ]),
    ).toBe('tests: 5 passed, 0 failed, 1 skipped (no report from: emulator)');
    expect(totalsLine([])).toBe('tests: none ran (stopped before the test tiers)');
  });
});
