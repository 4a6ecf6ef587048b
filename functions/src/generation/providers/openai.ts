/**
 * OpenAI adapter (openai SDK): GPT vision for prompts (Chat Completions with an image part and a
 * JSON answer) and GPT-Image for images (`images.generate`, or `images.edit` with the reference).
 * GPT-Image takes a pixel `size`, so the aspect ratio is mapped to the documented sizes.
 */
import type OpenAI from 'openai';
import type { AspectRatio, ModelInfo } from '@mimicit/shared';
import { DomainError } from '../../lib/errors.js';
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

/** GPT-Image sizes per aspect ratio (the catalog offers only these three ratios). */
export const GPT_IMAGE_SIZES: Partial<Record<AspectRatio, '1024x1024' | '1536x1024' | '1024x1536'>> = {
  '1:1': '1024x1024',
  '3:2': '1536x1024',
  '2:3': '1024x1536',
};

const SAFETY_CODES = new Set(['moderation_blocked', 'content_policy_violation', 'content_filter']);

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
      const size = GPT_IMAGE_SIZES[input.aspectRatio];
      if (!size) throw providerErrors.badRequest('unsupported aspect ratio');
      const result = await call(config.timeoutMs, async (signal) => {
        if (input.reference) {
          const { toFile } = await import('openai');
          const ext = input.reference.contentType === 'image/png' ? 'png' : 'jpg';
          const image = await toFile(input.reference.bytes, `reference.${ext}`, {
            type: input.reference.contentType,
          });
          return openai.images.edit(
            { model: model.providerModel, image, prompt: input.prompt, n: input.count, size },
            { signal },
          );
        }
        return openai.images.generate(
          { model: model.providerModel, prompt: input.prompt, n: input.count, size },
          { signal },
        );
      });
      const images = (result.data ?? [])
        .map((d) => d.b64_json)
        .filter((b): b is string => typeof b === 'string' && b.length > 0)
        .map((b) => ({ bytes: Buffer.from(b, 'base64') }));
      if (images.length === 0) throw providerErrors.badResponse();
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
    if (typeof status === 'number') throw errorFromStatus(status);
    if (isTimeoutError(err)) throw providerErrors.timeout();
    if (err instanceof SyntaxError) throw providerErrors.badResponse();
    throw providerErrors.unavailable();
  }
}
