/**
 * fal adapter (@fal-ai/client) for Black Forest Labs FLUX.2: the text-to-image endpoint
 * (`fal-ai/flux-2-pro`) and, with references, the edit endpoint (`fal-ai/flux-2-pro/edit`,
 * `image_urls`). Both take `image_size` as `{ width, height }`, `seed`, `output_format` and
 * `enable_safety_checker` (fal's llms.txt input schemas). Runs through fal's queue (`subscribe`
 * with polling) because image jobs can take minutes; result images are downloaded from the URLs
 * fal returns.
 */
import { endpointOf, type AspectRatio, type ModelInfo, type Resolution } from '@mimicit/shared';
import { DomainError } from '../../lib/errors.js';
import { pixelSize } from './sizes.js';
import { promptWithRoles } from './roles.js';
import {
  errorFromStatus,
  isTimeoutError,
  providerErrors,
  withDeadline,
  type ImageBytes,
  type ImageInput,
  type ProviderAdapter,
  type ProviderConfig,
} from './types.js';

export interface FalConfig extends ProviderConfig {
  /** Queue polling interval (ms); tests shorten it. */
  pollIntervalMs?: number;
}

/** Output size for a ratio and tier: the long side is 1024 (1k) or 2048 (2k), both sides ÷16. */
export function fluxImageSize(ratio: AspectRatio, resolution: Resolution): { width: number; height: number } {
  return pixelSize(ratio, resolution === '1k' ? 1024 : 2048, 'long');
}

const MAX_RESULT_BYTES = 40 * 1024 * 1024;

interface FalImage {
  url?: unknown;
}
interface FalOutput {
  images?: FalImage[];
  has_nsfw_concepts?: boolean[];
}

/** Builds the fal adapter; the SDK is imported on first use. */
export function createFalAdapter(config: FalConfig): ProviderAdapter {
  const client = async () => {
    const { createFalClient } = await import('@fal-ai/client');
    return createFalClient({
      credentials: config.apiKey,
      // Retries on 429/5xx would outlast our deadline; the pipeline refunds instead.
      retry: { maxRetries: 0 },
      ...(config.baseUrl
        ? {
            // Points every fal host (queue.fal.run, fal.run) at the test server.
            requestMiddleware: async (req) => {
              const url = new URL(req.url);
              return { ...req, url: `${config.baseUrl}${url.pathname}${url.search}` };
            },
          }
        : {}),
    });
  };

  return {
    async generate(model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
      const fal = await client();
      const references = input.references ?? [];
      const body: Record<string, unknown> = {
        // The edit endpoint reads roles from the prompt, which names references "image 1", "image 2"…
        prompt: promptWithRoles(input.prompt, references),
        image_size: fluxImageSize(input.aspectRatio, input.resolution),
        output_format: 'jpeg',
        enable_safety_checker: true,
        ...(input.count > 1 ? { num_images: input.count } : {}),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
        ...(references.length > 0
          ? {
              image_urls: references.map((r) => `data:${r.contentType};base64,${r.bytes.toString('base64')}`),
            }
          : {}),
      };
      const endpoint = endpointOf(model, references.length > 0);
      return call(config.timeoutMs, async (signal) => {
        const result = await fal.subscribe(endpoint, {
          input: body,
          mode: 'polling',
          pollInterval: config.pollIntervalMs ?? 1000,
          timeout: config.timeoutMs,
          abortSignal: signal,
        });
        return download(result.data as FalOutput, signal);
      });
    },
  };
}

async function download(output: FalOutput, signal: AbortSignal): Promise<ImageBytes[]> {
  if (!output || !Array.isArray(output.images)) throw providerErrors.badResponse();
  const flagged = output.has_nsfw_concepts ?? [];
  // fal returns a black frame where its safety checker fired; those are not results.
  const kept = output.images.filter((_, i) => flagged[i] !== true);
  if (output.images.length > 0 && kept.length === 0) throw providerErrors.safety();
  const urls = kept.map((img) => img.url).filter((u): u is string => typeof u === 'string');
  if (urls.length === 0) throw providerErrors.badResponse();
  return Promise.all(urls.map((u) => fetchResult(u, signal)));
}

async function fetchResult(url: string, signal: AbortSignal): Promise<ImageBytes> {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    return { bytes: Buffer.from(url.slice(comma + 1), 'base64') };
  }
  if (!/^https?:\/\//.test(url)) throw providerErrors.badResponse();
  const res = await fetch(url, { signal });
  if (!res.ok) throw providerErrors.badResponse();
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length === 0 || bytes.length > MAX_RESULT_BYTES) throw providerErrors.badResponse();
  return { bytes };
}

async function call<T>(timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await withDeadline(timeoutMs, fn);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const { status, body } = err as { status?: unknown; body?: unknown };
    if (isContentPolicy(body)) throw providerErrors.safety();
    if (typeof status === 'number') throw errorFromStatus(status);
    if (isTimeoutError(err)) throw providerErrors.timeout();
    if (err instanceof SyntaxError) throw providerErrors.badResponse();
    throw providerErrors.unavailable();
  }
}

/** fal reports content-policy refusals as a 422 detail of type `content_policy_violation`. */
function isContentPolicy(body: unknown): boolean {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  return (
    Array.isArray(detail) &&
    detail.some((d) => (d as { type?: unknown } | null)?.type === 'content_policy_violation')
  );
}
