/**
 * Which adapter serves a provider. The default registry reads the provider's secret (bound to
 * the calling function through the provider table) and imports only that provider's adapter and
 * SDK. Tests replace it through `setDeps({ providers })` (real adapters pointed at local HTTP
 * fakes, or a pipeline fake).
 */
import type { Provider } from '@mimicit/shared';
import { serviceOverride } from '../../lib/deps.js';
import { PROVIDER_TABLE } from './table.js';
import { providerErrors, type ProviderAdapter, type ProviderRegistry } from './types.js';

export const defaultProviderRegistry: ProviderRegistry = async (provider: Provider) => {
  const entry = PROVIDER_TABLE[provider];
  const apiKey = entry.secret ? entry.secret.value() : '';
  if (entry.secret && !apiKey) throw providerErrors.config();
  return entry.load({ apiKey, timeoutMs: entry.timeoutMs });
};

/** The adapter serving `provider`: from the default registry, or the one `setDeps` installed. */
export function getProviderAdapter(provider: Provider): Promise<ProviderAdapter> {
  return (serviceOverride('providers') ?? defaultProviderRegistry)(provider);
}
