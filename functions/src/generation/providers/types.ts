/**
 * The small interface every provider adapter implements (one file per provider), and the
 * error vocabulary they map their SDK's failures into.
 */
import type { AspectRatio, Locale, ModelInfo, PromptStyle, Provider, Resolution } from '@mimicit/shared';
import { DomainError, domainError } from '../../lib/errors.js';
import type { NormalizedImage } from '../intake/normalize.js';
import type { ReferenceImage } from '../intake/load-references.js';

export interface DescribeInput {
  image: NormalizedImage;
  language: Locale;
  style: PromptStyle;
  variants: number;
  signal?: AbortSignal;
}

export interface DescribeOutput {
  prompts: string[];
  negativePrompt?: string;
}

export interface ImageInput {
  prompt: string;
  /**
   * Reference images, in the order the prompt names them (at most the model's `maxReferences`),
   * each with its role where the request gave one (see `roles.ts` for how each provider reads it).
   */
  references?: readonly ReferenceImage[];
  /** For models whose catalog entry says `seed`: the same seed and prompt repeat a result. */
  seed?: number;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  count: number;
  signal?: AbortSignal;
}

export interface ImageBytes {
  bytes: Uint8Array;
}

/** Image → prompt. */
export interface PromptModel {
  describe(model: ModelInfo, input: DescribeInput): Promise<DescribeOutput>;
}

/** Prompt (+ optional reference) → images. */
export interface ImageModel {
  generate(model: ModelInfo, input: ImageInput): Promise<ImageBytes[]>;
}

export type ProviderAdapter = Partial<PromptModel & ImageModel>;

/** Builds the adapter of a provider (lazily: SDKs load only when that provider is used). */
export type ProviderRegistry = (provider: Provider) => Promise<ProviderAdapter>;

/** Connection settings of one adapter; `baseUrl` points the SDK at a local fake in tests. */
export interface ProviderConfig {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
}

/** Reasons a provider call fails; each maps to a human message (en) stored on the generation. */
export const providerErrors = {
  safety: () =>
    domainError(
      'failed-precondition',
      'provider-safety',
      "The provider's safety filter blocked this request. Try a different prompt or image.",
    ),
  rateLimit: () =>
    domainError(
      'resource-exhausted',
      'provider-rate-limit',
      'The provider is busy right now. Try again in a minute.',
    ),
  badRequest: (detail?: string) =>
    domainError(
      'invalid-argument',
      'provider-bad-request',
      `The provider refused the request${detail ? `: ${detail.slice(0, 200)}` : ''}.`,
    ),
  config: () =>
    domainError(
      'internal',
      'provider-config',
      'This model is not available right now (service configuration).',
    ),
  timeout: () =>
    domainError('deadline-exceeded', 'provider-timeout', 'The provider took too long to answer.'),
  unavailable: () =>
    domainError('unavailable', 'provider-unavailable', 'The provider is having problems. Try again later.'),
  badResponse: () =>
    domainError('unavailable', 'provider-bad-response', 'The provider sent an answer we could not use.'),
  wrongSize: (got: { width: number; height: number }, wanted: string) =>
    domainError(
      'unavailable',
      'provider-wrong-size',
      `The model returned a ${got.width}×${got.height} image instead of ${wanted}. Your credits were refunded; try again.`,
      { width: got.width, height: got.height },
    ),
  noImage: (detail?: string) =>
    domainError(
      'failed-precondition',
      'provider-no-image',
      'The model finished without returning an image. Describe the picture you want more concretely, or try again.',
      detail ? { finishReason: detail.slice(0, 40) } : {},
    ),
  modelUnavailable: () =>
    domainError(
      'failed-precondition',
      'model-unavailable',
      'The provider no longer offers this model. Choose another model.',
    ),
};

/** Maps an HTTP status from any SDK error to our vocabulary. */
export function errorFromStatus(status: number | undefined, detail?: string): DomainError {
  if (status === 401 || status === 403) return providerErrors.config();
  // The model's endpoint is the only resource these calls name: gone means retired.
  if (status === 404 || status === 410) return providerErrors.modelUnavailable();
  if (status === 429) return providerErrors.rateLimit();
  if (status === 408 || status === 504) return providerErrors.timeout();
  if (status !== undefined && status >= 400 && status < 500) return providerErrors.badRequest(detail);
  return providerErrors.unavailable();
}

/** True for an abort/timeout error from fetch, undici or an SDK wrapper. */
export function isTimeoutError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const text = `${err.name} ${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`;
  return /abort|timeout|timed out/i.test(text);
}

/** Runs `fn` under a deadline; an expiry becomes `provider-timeout`. */
export async function withDeadline<T>(
  timeoutMs: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(providerErrors.timeout()), timeoutMs + 50);
  });
  try {
    return await Promise.race([fn(signal), expired]);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (signal.aborted || isTimeoutError(err)) throw providerErrors.timeout();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
