/**
 * `generateImage`: prompt (+ optional reference image) → image(s) from the chosen model. The
 * reference is loaded and normalised before any credit is reserved, so bad input costs nothing.
 */
import { generateImageRequestSchema, imageCost, type GenerationResult } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor, searchTokens } from './ids.js';
import { loadSource } from './intake/load-source.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { secretsFor } from './providers/table.js';
import { callImageModel, runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateImage = callableHandler(
  'generateImage',
  generateImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    const source = data.reference;
    const [result] = await runGenerations(deps, uid, {
      ids: [generationIdFor(uid, data.requestId)],
      models: (catalog) => [requireImageModel(catalog, data.model, { ...data, references: source ? 1 : 0 })],
      intake: async ([model]) =>
        source
          ? loadSource(source, {
              ...pipelineOptions().intake,
              maxSide: model!.maxReferenceSide,
              maxBytes: model!.maxReferenceBytes || undefined,
            })
          : undefined,
      generation: (model, _i, reference) => ({
        kind: 'image',
        model: model.id,
        provider: model.provider,
        prompt: data.prompt,
        settings: {
          aspectRatio: data.aspectRatio,
          resolution: data.resolution,
          count: data.count,
          withReference: reference !== undefined,
        },
        cost: imageCost(model, data.resolution, data.count),
        requestId: data.requestId,
        searchTokens: searchTokens(data.prompt, model.id),
      }),
      run: ({ model }, reference) =>
        callImageModel(deps, model, {
          prompt: data.prompt,
          references: reference ? [reference] : [],
          aspectRatio: data.aspectRatio,
          resolution: data.resolution,
          count: data.count,
        }),
    });
    return result!;
  },
);

export const generateImage = defineCallable(
  {
    timeoutSeconds: GENERATION_TIMEOUT_SECONDS,
    memory: '1GiB',
    concurrency: 8,
    secrets: secretsFor('image'),
  },
  handleGenerateImage,
);
