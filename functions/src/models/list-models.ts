/**
 * Each provider's list-models API: what the provider says exists today, and what it has
 * announced for shutdown. Google and OpenAI through their SDKs (`ai.models.list`,
 * `client.models.list` with its `shutdown_date`); fal's client has no listing call, so fal's
 * Platform API (`GET /v1/models?endpoint_id=…`, "find" mode) is asked over fetch with the same key.
 */
import type { RemoteProvider } from '@mimicit/shared';

export interface ListedModel {
  /** Announced for shutdown (OpenAI `shutdown_date`, fal `status: deprecated`). */
  deprecated: boolean;
  shutdownDate?: string;
}

/** Provider model name → what the provider says about it. Absent: the provider does not list it. */
export type Listing = Map<string, ListedModel>;

export interface ListConfig {
  apiKey: string;
  /** Points the SDK (or fetch) at a local fake in tests and in `models:check --fake`. */
  baseUrl?: string;
  timeoutMs: number;
}

/**
 * Each remote provider's lister, keyed by provider so a provider added to `REMOTE_PROVIDERS`
 * fails to compile here until it has one (instead of falling through to another's API).
 */
const LISTERS: Record<RemoteProvider, (wanted: readonly string[], config: ListConfig) => Promise<Listing>> = {
  google: (_wanted, config) => listGoogle(config),
  openai: (_wanted, config) => listOpenAi(config),
  fal: listFal,
};

/** Lists `provider`'s models; `wanted` are the names we use (fal is asked about those only). */
export async function listModels(
  provider: RemoteProvider,
  wanted: readonly string[],
  config: ListConfig,
): Promise<Listing> {
  return LISTERS[provider](wanted, config);
}

async function listGoogle(config: ListConfig): Promise<Listing> {
  const { GoogleGenAI } = await import('@google/genai');
  const ai = new GoogleGenAI({
    apiKey: config.apiKey,
    httpOptions: { timeout: config.timeoutMs, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) },
  });
  const out: Listing = new Map();
  const pager = await ai.models.list({ config: { pageSize: 1000 } });
  for await (const model of pager) {
    if (model.name) out.set(model.name.replace(/^models\//, ''), { deprecated: false });
  }
  return out;
}

async function listOpenAi(config: ListConfig): Promise<Listing> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: 1,
  });
  const out: Listing = new Map();
  for await (const model of client.models.list()) {
    const shutdown = model.shutdown_date ?? undefined;
    out.set(model.id, { deprecated: Boolean(shutdown), ...(shutdown ? { shutdownDate: shutdown } : {}) });
  }
  return out;
}

interface FalModel {
  endpoint_id?: unknown;
  metadata?: { status?: unknown } | null;
}

async function listFal(wanted: readonly string[], config: ListConfig): Promise<Listing> {
  const url = new URL('/v1/models', config.baseUrl ?? 'https://api.fal.ai');
  for (const id of wanted) url.searchParams.append('endpoint_id', id);
  const res = await fetch(url, {
    headers: { authorization: `Key ${config.apiKey}`, accept: 'application/json' },
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  if (!res.ok) throw new Error(`fal model search answered ${res.status}`);
  const body = (await res.json()) as { models?: FalModel[] };
  const out: Listing = new Map();
  for (const model of body.models ?? []) {
    if (typeof model.endpoint_id !== 'string') continue;
    out.set(model.endpoint_id, { deprecated: model.metadata?.status === 'deprecated' });
  }
  return out;
}
