/**
 * Google adapter (@google/genai): Gemini vision for prompts and Gemini image through the Gemini
 * API; Imagen through Vertex AI, because the SDK serves `generateImages` only on Vertex AI
 * (Imagen on the Gemini API is deprecated). The aspect ratio goes in `imageConfig.aspectRatio`
 * (Gemini) or `aspectRatio` (Imagen); `imageSize` carries the resolution.
 */
import type { GoogleGenAI, GenerateContentResponse } from '@google/genai';
import type { ModelInfo } from '@mimicit/shared';
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

export interface GoogleConfig extends ProviderConfig {
  /** Vertex AI for Imagen: project/location with the runtime's service account, or an express-mode key. */
  vertex: { project?: string; location?: string; apiKey?: string };
}

const BLOCKED_FINISH = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'IMAGE_PROHIBITED_CONTENT',
]);

/** Builds the Google adapter; the SDK is imported on first use. */
export function createGoogleAdapter(config: GoogleConfig): ProviderAdapter {
  let gemini: GoogleGenAI | undefined;
  let vertex: GoogleGenAI | undefined;
  const httpOptions = {
    timeout: config.timeoutMs,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  };
  const geminiClient = async () => {
    const { GoogleGenAI } = await import('@google/genai');
    return (gemini ??= new GoogleGenAI({ apiKey: config.apiKey, httpOptions }));
  };
  const vertexClient = async () => {
    const { GoogleGenAI } = await import('@google/genai');
    return (vertex ??= new GoogleGenAI({ vertexai: true, ...config.vertex, httpOptions }));
  };

  return {
    async describe(model: ModelInfo, input: DescribeInput) {
      const ai = await geminiClient();
      const response = await call(config.timeoutMs, (abortSignal) =>
        ai.models.generateContent({
          model: model.providerModel,
          contents: [
            {
              role: 'user',
              parts: [
                {
                  inlineData: {
                    mimeType: input.image.contentType,
                    data: input.image.bytes.toString('base64'),
                  },
                },
                { text: describeInstruction(input) },
              ],
            },
          ],
          config: { responseMimeType: 'application/json', abortSignal },
        }),
      );
      throwIfBlocked(response);
      return finishDescribe(parseDescribeJson(response.text), input);
    },

    async generate(model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
      if (model.providerModel.startsWith('imagen-'))
        return imagen(await vertexClient(), model, input, config);
      const ai = await geminiClient();
      const parts: { text?: string; inlineData?: { mimeType: string; data: string } }[] = [];
      if (input.reference) {
        parts.push({
          inlineData: {
            mimeType: input.reference.contentType,
            data: input.reference.bytes.toString('base64'),
          },
        });
      }
      parts.push({ text: input.prompt });
      const response = await call(config.timeoutMs, (abortSignal) =>
        ai.models.generateContent({
          model: model.providerModel,
          contents: [{ role: 'user', parts }],
          config: {
            responseModalities: ['IMAGE'],
            imageConfig: { aspectRatio: input.aspectRatio },
            abortSignal,
          },
        }),
      );
      throwIfBlocked(response);
      const images = (response.candidates?.[0]?.content?.parts ?? [])
        .map((p) => p.inlineData?.data)
        .filter((d): d is string => typeof d === 'string' && d.length > 0)
        .map((d) => ({ bytes: Buffer.from(d, 'base64') }));
      if (images.length === 0) throw providerErrors.badResponse();
      return images;
    },
  };
}

async function imagen(ai: GoogleGenAI, model: ModelInfo, input: ImageInput, config: ProviderConfig) {
  const response = await call(config.timeoutMs, (abortSignal) =>
    ai.models.generateImages({
      model: model.providerModel,
      prompt: input.prompt,
      config: {
        numberOfImages: input.count,
        aspectRatio: input.aspectRatio,
        imageSize: input.resolution === '2k' ? '2K' : '1K',
        includeRaiReason: true,
        abortSignal,
      },
    }),
  );
  const generated = response.generatedImages ?? [];
  const images = generated
    .map((g) => g.image?.imageBytes)
    .filter((b): b is string => typeof b === 'string' && b.length > 0)
    .map((b) => ({ bytes: Buffer.from(b, 'base64') }));
  if (images.length === 0) {
    if (generated.some((g) => g.raiFilteredReason)) throw providerErrors.safety();
    throw providerErrors.badResponse();
  }
  return images;
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
