/**
 * `npm run models:check`: the retirement check from a terminal, against the code catalog and
 * (with `--overrides FILE`, a JSON copy of `modelOverrides/catalog`) the operator's changes.
 * Keys come from the environment (GEMINI_API_KEY, OPENAI_API_KEY, FAL_KEY); a provider without
 * one is reported as skipped. MODELS_CHECK_<PROVIDER>_URL points a provider at another host (the
 * tests' local fakes). Exit code 1 when any model is missing, deprecated or could not be checked.
 */
import { readFileSync } from 'node:fs';
import { effectiveCatalog, MODELS, modelOverridesDocSchema, type RemoteProvider } from '@mimicit/shared';
import { checkCatalog, formatReport } from './check.js';
import { listModels } from './list-models.js';

const KEY_ENV: Record<RemoteProvider, string> = {
  google: 'GEMINI_API_KEY',
  openai: 'OPENAI_API_KEY',
  fal: 'FAL_KEY',
};

const at = process.argv.indexOf('--overrides');
const overrides =
  at > 0 ? modelOverridesDocSchema.parse(JSON.parse(readFileSync(process.argv[at + 1]!, 'utf8'))) : undefined;
const models = effectiveCatalog(MODELS, overrides, new Map()).filter(
  (m) => m.available && m.provider !== 'local',
);

const rows = await checkCatalog(models, async (provider, wanted) => {
  const apiKey = process.env[KEY_ENV[provider]];
  if (!apiKey) return 'skipped';
  const baseUrl = process.env[`MODELS_CHECK_${provider.toUpperCase()}_URL`] || undefined;
  return listModels(provider, wanted, { apiKey, baseUrl, timeoutMs: 30_000 });
});
process.stdout.write(`${formatReport(rows)}\n`);
process.exitCode = rows.some((r) => r.state === 'missing' || r.state === 'deprecated' || r.state === 'error')
  ? 1
  : 0;
