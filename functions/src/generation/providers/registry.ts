/**
 * Which adapter serves a provider. The default registry reads the provider's secret (bound to
 * the calling function) and imports only that provider's adapter and SDK. Tests replace it with
 * {@link setProviderRegistry} (real adapters pointed at local HTTP fakes, or a pipeline fake).
 */
import type { Provider } from '@mimicit/shared';
import { FAL_KEY, GEMINI_API_KEY, OPENAI_API_KEY } from '../../lib/config.js';
import { providerErrors, PROVIDER_TIMEOUT_MS, type ProviderAdapter, type ProviderRegistry } from './types.js';

/** Imagen runs on Vertex AI in this region, with the functions' service account. */
const VERTEX_LOCATION = 'us-central1';

function secret(param: { value(): string }): string {
  const value = param.value();
  if (!value) throw providerErrors.config();
  return value;
}

export const defaultProviderRegistry: ProviderRegistry = async (provider: Provider) => {
  const timeoutMs = PROVIDER_TIMEOUT_MS[provider];
  switch (provider) {
    case 'google': {
      const { createGoogleAdapter } = await import('./google.js');
      return createGoogleAdapter({
        apiKey: secret(GEMINI_API_KEY),
        timeoutMs,
        vertex: { project: process.env.GCLOUD_PROJECT, location: VERTEX_LOCATION },
      });
    }
    case 'openai': {
      const { createOpenAiAdapter } = await import('./openai.js');
      return createOpenAiAdapter({ apiKey: secret(OPENAI_API_KEY), timeoutMs });
    }
    case 'fal': {
      const { createFalAdapter } = await import('./fal.js');
      return createFalAdapter({ apiKey: secret(FAL_KEY), timeoutMs });
    }
    case 'local': {
      const { createLocalPreviewAdapter } = await import('./local-preview.js');
      return createLocalPreviewAdapter();
    }
  }
};

let override: ProviderRegistry | undefined;

/** Test hook: serve providers from `registry`; `undefined` restores the default. */
export function setProviderRegistry(registry: ProviderRegistry | undefined): void {
  override = registry;
}

export function getProviderAdapter(provider: Provider): Promise<ProviderAdapter> {
  return (override ?? defaultProviderRegistry)(provider);
}
