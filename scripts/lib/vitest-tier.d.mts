export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
export function readTotals(reportPath: string): Totals | null;
export function runVitestTier(options: {
  vitestBin: string;
  args: string[];
  reportPath: string;
  cwd: string;
  wrap?: string[];
  stdio?: 'inherit' | 'ignore' | 'pipe';
}): { status: number; totals: Totals | null };
export function totalsLine(tiers: { title: string; totals: Totals | null }[]): string;
