/**
 * Which adapter serves a provider. The default registry reads the provider's secret (bound to
 * the calling function through the provider table) and imports only that provider's adapter and
 * SDK. Tests replace it with {@link setProviderRegistry} (real adapters pointed at local HTTP
 * fakes, or a pipeline fake).
 */
import type { Provider } from '@mimicit/shared';
import { PROVIDER_TABLE } from './table.js';
import { providerErrors, type ProviderAdapter, type ProviderRegistry } from './types.js';

export const defaultProviderRegistry: ProviderRegistry = async (provider: Provider) => {
  const entry = PROVIDER_TABLE[provider];
  const apiKey = entry.secret ? entry.secret.value() : '';
  if (entry.secret && !apiKey) throw providerErrors.config();
  return entry.load({ apiKey, timeoutMs: entry.timeoutMs });
};

let override: ProviderRegistry | undefined;

/** Test hook: serve providers from `registry`; `undefined` restores the default. */
export function setProviderRegistry(registry: ProviderRegistry | undefined): void {
  override = registry;
}

export function getProviderAdapter(provider: Provider): Promise<ProviderAdapter> {
  return (override ?? defaultProviderRegistry)(provider);
}
