/**
 * `checkModels`: once a day, asks every provider's list-models API about the models the
 * effective catalog uses. A model its provider no longer lists is marked unavailable (greyed out
 * until an operator acts); one announced for shutdown is logged as a warning to act on.
 */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import type { RemoteProvider } from '@mimicit/shared';
import { getDeps, type Deps } from '../lib/deps.js';
import { loadConfiguredCatalog } from '../catalog/effective.js';
import { PROVIDER_TABLE, secretsFor } from '../generation/providers/table.js';
import { checkCatalog, formatReport, type CheckRow } from './check.js';
import { listModels, type Listing } from './list-models.js';
import { markRetired } from './retire.js';

type Lister = (provider: RemoteProvider, wanted: string[]) => Promise<Listing | 'skipped'>;

/** The production lister: each provider's key from its bound secret. */
const secretLister: Lister = async (provider, wanted) => {
  const entry = PROVIDER_TABLE[provider];
  const apiKey = entry.secret?.value() ?? '';
  if (!apiKey) return 'skipped';
  return listModels(provider, wanted, { apiKey, timeoutMs: 30_000 });
};

/** One check run: report, and mark what the providers no longer list. */
export async function runModelCheck(deps: Pick<Deps, 'store' | 'clock'>, list: Lister = secretLister) {
  // Not `loadCatalog`: a model whose key is unset here is greyed out for users as
  // `not-configured`, yet still the provider's to retire; the lister skips what it cannot ask.
  const catalog = await loadConfiguredCatalog(deps);
  const rows = await checkCatalog(
    catalog.filter((m) => m.available && m.provider !== 'local'),
    list,
  );
  for (const row of rows.filter((r) => r.state === 'missing')) {
    await markRetired(deps, row, row.providerModel, 'watch', row.detail ?? 'not listed');
  }
  const level = rows.some((r: CheckRow) => r.state !== 'ok') ? 'warn' : 'info';
  logger[level]('models.check', { report: formatReport(rows) });
  return rows;
}

export const checkModels = onSchedule(
  {
    schedule: 'every day 05:00',
    timeZone: 'Asia/Tokyo',
    timeoutSeconds: 300,
    secrets: secretsFor('describe', 'image'),
  },
  async () => {
    await runModelCheck(await getDeps());
  },
);
