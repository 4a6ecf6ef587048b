/**
 * Google adapter (@google/genai, Gemini API): Gemini Flash for prompts and the Gemini image
 * models ("Nano Banana") for images, both through `generateContent`. Images take the aspect ratio
 * and size in `generationConfig.imageConfig` (`aspectRatio`, `imageSize` "1K" | "2K" | "4K") and
 * references as inline parts before the prompt, each after a text part naming its role when the
 * request gave roles. A finished call without an image is read from
 * the candidate's `finishReason`: safety reasons → `provider-safety`, `NO_IMAGE` / `IMAGE_OTHER`
 * and friends → `provider-no-image`.
 */
import type { GoogleGenAI, GenerateContentResponse, Part } from '@google/genai';
import type { ModelInfo, Resolution } from '@mimicit/shared';
import { DomainError } from '../../lib/errors.js';
import { describeInstruction, finishDescribe, parseDescribeJson } from '../prompt-style.js';
import { hasRoles, roleLine } from './roles.js';
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

/** Finish reasons (and prompt block reasons) that mean a safety or policy refusal. */
const BLOCKED_FINISH = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

/** Our resolution tiers in the Gemini API's `imageSize` vocabulary. */
export const GEMINI_IMAGE_SIZES: Record<Resolution, '1K' | '2K' | '4K'> = {
  '1k': '1K',
  '2k': '2K',
  '4k': '4K',
};

/** Builds the Google adapter; the SDK is imported on first use. */
export function createGoogleAdapter(config: ProviderConfig): ProviderAdapter {
  let gemini: GoogleGenAI | undefined;
  const client = async () => {
    const { GoogleGenAI } = await import('@google/genai');
    return (gemini ??= new GoogleGenAI({
      apiKey: config.apiKey,
      httpOptions: { timeout: config.timeoutMs, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) },
    }));
  };
  const inline = (image: { contentType: string; bytes: Buffer }): Part => ({
    inlineData: { mimeType: image.contentType, data: image.bytes.toString('base64') },
  });

  return {
    async describe(model: ModelInfo, input: DescribeInput) {
      const ai = await client();
      const response = await call(config.timeoutMs, (abortSignal) =>
        ai.models.generateContent({
          model: model.providerModel,
          contents: [{ role: 'user', parts: [inline(input.image), { text: describeInstruction(input) }] }],
          config: { responseMimeType: 'application/json', abortSignal },
        }),
      );
      throwIfBlocked(response);
      return finishDescribe(parseDescribeJson(response.text), input);
    },

    async generate(model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
      const ai = await client();
      const references = input.references ?? [];
      // With roles, each image follows a text part naming its role (interleaved parts).
      const parts: Part[] = [
        ...references.flatMap((r, i) =>
          hasRoles(references) ? [{ text: roleLine(i, r.role) }, inline(r)] : [inline(r)],
        ),
        { text: input.prompt },
      ];
      const response = await call(config.timeoutMs, (abortSignal) =>
        ai.models.generateContent({
          model: model.providerModel,
          contents: [{ role: 'user', parts }],
          config: {
            responseModalities: ['IMAGE'],
            imageConfig: { aspectRatio: input.aspectRatio, imageSize: GEMINI_IMAGE_SIZES[input.resolution] },
            abortSignal,
          },
        }),
      );
      throwIfBlocked(response);
      const candidate = response.candidates?.[0];
      const images = (candidate?.content?.parts ?? [])
        // Gemini 3 image models may send interim "thought" images before the final one.
        .filter((p) => p.thought !== true)
        .map((p) => p.inlineData?.data)
        .filter((d): d is string => typeof d === 'string' && d.length > 0)
        .map((d) => ({ bytes: Buffer.from(d, 'base64') }));
      if (images.length === 0) throw providerErrors.noImage(String(candidate?.finishReason ?? 'NONE'));
      return images;
    },
  };
}

function throwIfBlocked(response: GenerateContentResponse): void {
  if (response.promptFeedback?.blockReason) throw providerErrors.safety();
  const finish = response.candidates?.[0]?.finishReason;
  if (finish && BLOCKED_FINISH.has(String(finish))) throw providerErrors.safety();
}

/** Runs one SDK call under the deadline and maps its errors. */
async function call<T>(timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await withDeadline(timeoutMs, fn);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number') throw errorFromStatus(status);
    if (isTimeoutError(err)) throw providerErrors.timeout();
    // JSON parse failures of a malformed body surface as SyntaxError.
    if (err instanceof SyntaxError) throw providerErrors.badResponse();
    throw providerErrors.unavailable();
  }
}
