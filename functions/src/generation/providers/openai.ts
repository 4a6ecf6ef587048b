/**
 * OpenAI adapter (openai SDK): GPT vision for prompts (Chat Completions with an image part and a
 * JSON answer) and GPT Image for images (`images.generate`, or `images.edit` with the references
 * as an array of files). GPT Image 2 takes any `WIDTHxHEIGHT` with both sides divisible by 16 and
 * a ratio between 1:3 and 3:1, plus `quality` and `output_format` (images API reference).
 */
import type OpenAI from 'openai';
import type { AspectRatio, ModelInfo, Resolution } from '@mimicit/shared';
import { DomainError } from '../../lib/errors.js';
import { pixelSize } from './sizes.js';
import { promptWithRoles } from './roles.js';
import { describeInstruction, finishDescribe, parseDescribeJson } from '../prompt-style.js';
import {
  errorFromStatus,
  isTimeoutError,
  providerErrors,
  withDeadline,
  type DescribeInput,
  type ImageBytes,
  type ImageInput,
  type ProviderAdapter,
  type ProviderConfig,
} from './types.js';

/**
 * The pixel size for a ratio and tier: 1k keeps the short side at 1024 (so 1:1, 3:2 and 2:3 are
 * the classic 1024x1024, 1536x1024 and 1024x1536), 2k puts the long side at 2048.
 */
export function gptImageSize(ratio: AspectRatio, resolution: Resolution): string {
  const { width, height } =
    resolution === '1k' ? pixelSize(ratio, 1024, 'short') : pixelSize(ratio, 2048, 'long');
  return `${width}x${height}`;
}

const SAFETY_CODES = new Set(['moderation_blocked', 'content_policy_violation', 'content_filter']);
const GONE_CODES = new Set(['model_not_found', 'model_deprecated']);

/** Builds the OpenAI adapter; the SDK is imported on first use. */
export function createOpenAiAdapter(config: ProviderConfig): ProviderAdapter {
  let client: OpenAI | undefined;
  const sdk = async () => {
    const { default: OpenAIClient } = await import('openai');
    // Retries are ours to decide (the pipeline refunds instead); the SDK's own are off.
    return (client ??= new OpenAIClient({
      apiKey: config.apiKey,
      baseURL: config.baseUrl,
      timeout: config.timeoutMs,
      maxRetries: 0,
    }));
  };

  return {
    async describe(model: ModelInfo, input: DescribeInput) {
      const openai = await sdk();
      const dataUrl = `data:${input.image.contentType};base64,${input.image.bytes.toString('base64')}`;
      const completion = await call(config.timeoutMs, (signal) =>
        openai.chat.completions.create(
          {
            model: model.providerModel,
            response_format: { type: 'json_object' },
            messages: [
              {
                role: 'user',
                content: [
                  { type: 'text', text: describeInstruction(input) },
                  { type: 'image_url', image_url: { url: dataUrl } },
                ],
              },
            ],
          },
          { signal },
        ),
      );
      const choice = completion.choices?.[0];
      if (choice?.message?.refusal || choice?.finish_reason === 'content_filter')
        throw providerErrors.safety();
      return finishDescribe(parseDescribeJson(choice?.message?.content), input);
    },

    async generate(model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
      const openai = await sdk();
      const references = input.references ?? [];
      const common = {
        model: model.providerModel,
        // Several images go to images.edit; their roles are spelled out in the prompt.
        prompt: promptWithRoles(input.prompt, references),
        n: input.count,
        size: gptImageSize(input.aspectRatio, input.resolution),
        quality: 'high' as const,
        output_format: 'jpeg' as const,
      };
      const result = await call(config.timeoutMs, async (signal) => {
        if (references.length > 0) {
          const { toFile } = await import('openai');
          const image = await Promise.all(
            references.map((r, i) =>
              toFile(r.bytes, `reference-${i + 1}.${r.contentType === 'image/png' ? 'png' : 'jpg'}`, {
                type: r.contentType,
              }),
            ),
          );
          return openai.images.edit({ ...common, image }, { signal });
        }
        return openai.images.generate(common, { signal });
      });
      const images = (result.data ?? [])
        .map((d) => d.b64_json)
        .filter((b): b is string => typeof b === 'string' && b.length > 0)
        .map((b) => ({ bytes: Buffer.from(b, 'base64') }));
      if (images.length === 0) throw providerErrors.noImage();
      return images;
    },
  };
}

async function call<T>(timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await withDeadline(timeoutMs, fn);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const { status, code } = err as { status?: unknown; code?: unknown };
    if (typeof code === 'string' && SAFETY_CODES.has(code)) throw providerErrors.safety();
    if (typeof code === 'string' && GONE_CODES.has(code)) throw providerErrors.modelUnavailable();
    if (typeof status === 'number') throw errorFromStatus(status);
    if (isTimeoutError(err)) throw providerErrors.timeout();
    if (err instanceof SyntaxError) throw providerErrors.badResponse();
    throw providerErrors.unavailable();
  }
}
