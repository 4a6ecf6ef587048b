/**
 * The provider table: each provider's secret, deadline, adapter loader and the SDKs its code path
 * imports, in one place. Callables bind secrets from it (`secretsFor`), the registry builds
 * adapters from it, the sweeper derives its margin from the deadlines, and
 * `bench/functions-cold.mjs` reads the SDK lists.
 */
import type { Provider } from '@mimicit/shared';
import { FAL_KEY, GEMINI_API_KEY, OPENAI_API_KEY } from '../../lib/config.js';
import type { ProviderAdapter, ProviderConfig } from './types.js';

type SecretParam = typeof GEMINI_API_KEY;

/** What a provider serves: prompts from images, or images. */
export type ProviderRole = 'describe' | 'image';

export interface ProviderEntry {
  /** The secret holding the key (none for the keyless preview provider). */
  secret?: SecretParam;
  /** Deadline of one provider call. */
  timeoutMs: number;
  /** What this provider can serve; a runtime-added model of this provider needs nothing more. */
  roles: readonly ProviderRole[];
  /** Heavy modules its code path imports on first use (the cold-load bench reads these). */
  sdks: readonly string[];
  /** Builds the adapter; imports the adapter module (and so its SDK) only when called. */
  load: (config: ProviderConfig) => Promise<ProviderAdapter>;
}

export const PROVIDER_TABLE: Readonly<Record<Provider, ProviderEntry>> = {
  google: {
    secret: GEMINI_API_KEY,
    timeoutMs: 120_000,
    roles: ['describe', 'image'],
    sdks: ['@google/genai'],
    load: async (config) => (await import('./google.js')).createGoogleAdapter(config),
  },
  openai: {
    secret: OPENAI_API_KEY,
    timeoutMs: 180_000,
    roles: ['describe', 'image'],
    sdks: ['openai'],
    load: async (config) => (await import('./openai.js')).createOpenAiAdapter(config),
  },
  fal: {
    secret: FAL_KEY,
    timeoutMs: 240_000,
    roles: ['image'],
    sdks: ['@fal-ai/client'],
    load: async (config) => (await import('./fal.js')).createFalAdapter(config),
  },
  local: {
    timeoutMs: 30_000,
    roles: ['describe', 'image'],
    sdks: ['sharp'],
    load: async () => (await import('./local-preview.js')).createLocalPreviewAdapter(),
  },
};

/** Providers that can serve `role`. */
export function providersFor(role: ProviderRole): Provider[] {
  return (Object.keys(PROVIDER_TABLE) as Provider[]).filter((p) => PROVIDER_TABLE[p].roles.includes(role));
}

/**
 * The secrets a function serving `roles` binds: every provider that can serve them, so a model
 * an operator adds at runtime (of a known provider) finds its key without a deploy.
 */
export function secretsFor(...roles: ProviderRole[]): SecretParam[] {
  const providers = new Set(roles.flatMap(providersFor));
  return [...providers].flatMap((p) => (PROVIDER_TABLE[p].secret ? [PROVIDER_TABLE[p].secret] : []));
}

export const LONGEST_PROVIDER_TIMEOUT_MS = Math.max(...Object.values(PROVIDER_TABLE).map((p) => p.timeoutMs));
