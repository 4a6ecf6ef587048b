/**
 * The retirement check: every configured production model (and edit endpoint) against its
 * provider's list-models answer. Shared by the daily scheduled function and `npm run models:check`.
 */
import { REMOTE_PROVIDERS, type ModelInfo, type RemoteProvider } from '@mimicit/shared';
import type { Listing } from './list-models.js';

export type CheckState = 'ok' | 'deprecated' | 'missing' | 'error' | 'skipped';

export interface CheckRow {
  id: string;
  provider: RemoteProvider;
  providerModel: string;
  state: CheckState;
  detail?: string;
}

/** Asks each provider once; a provider that cannot be asked yields `error` or `skipped` rows. */
export async function checkCatalog(
  models: readonly ModelInfo[],
  list: (provider: RemoteProvider, wanted: string[]) => Promise<Listing | 'skipped'>,
): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  for (const provider of REMOTE_PROVIDERS) {
    const targets = models
      .filter((m) => m.provider === provider)
      .flatMap((m) =>
        [m.providerModel, m.providerModelEdit].filter(Boolean).map((pm) => [m.id, pm!] as const),
      );
    if (targets.length === 0) continue;
    let listing: Listing | 'skipped';
    let failure = '';
    try {
      listing = await list(provider, [...new Set(targets.map(([, pm]) => pm))]);
    } catch (err) {
      listing = new Map();
      failure = err instanceof Error ? err.message.slice(0, 200) : 'list failed';
    }
    for (const [id, providerModel] of targets) {
      const base = { id, provider, providerModel };
      if (listing === 'skipped') rows.push({ ...base, state: 'skipped', detail: 'no key' });
      else if (failure) rows.push({ ...base, state: 'error', detail: failure });
      else {
        const found = listing.get(providerModel);
        if (!found) rows.push({ ...base, state: 'missing', detail: 'not in the provider’s model list' });
        else if (found.deprecated)
          rows.push({
            ...base,
            state: 'deprecated',
            detail: `shutdown ${found.shutdownDate ?? 'announced'}`,
          });
        else rows.push({ ...base, state: 'ok' });
      }
    }
  }
  return rows;
}

/** A plain-text table, one model per line, for the terminal and the function's log. */
export function formatReport(rows: readonly CheckRow[]): string {
  const lines = rows.map(
    (r) =>
      `${r.state.toUpperCase().padEnd(10)} ${r.provider.padEnd(7)} ${r.id.padEnd(20)} ${r.providerModel}` +
      (r.detail ? `  (${r.detail})` : ''),
  );
  const bad = rows.filter((r) => r.state === 'missing' || r.state === 'deprecated' || r.state === 'error');
  lines.push(
    bad.length === 0
      ? `models:check: ${rows.length} checked, all current`
      : `models:check: ${bad.length} of ${rows.length} need an operator (see README "Swapping a model")`,
  );
  return lines.join('\n');
}
