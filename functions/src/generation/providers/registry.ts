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

/**
 * Whether `provider` can be called here: its key is set (the keyless preview provider always
 * can; an injected registry serves every provider). Read from the environment, where a function
 * that binds the secret finds it, rather than through `.value()`, which logs a warning in a
 * function that does not bind it (describeImage does not bind fal's key, nor serve fal models).
 */
export function providerConfigured(provider: Provider): boolean {
  if (override) return true;
  const secret = PROVIDER_TABLE[provider].secret;
  return !secret || Boolean(process.env[secret.name]);
}

export function getProviderAdapter(provider: Provider): Promise<ProviderAdapter> {
  return (override ?? defaultProviderRegistry)(provider);
}
