/**
 * `generateImage`: prompt (+ reference images with roles, + a seed where the model takes one) →
 * image(s) from the chosen model. Every reference is loaded and normalised before any credit is
 * reserved, so bad input costs nothing.
 */
import { generateImageRequestSchema, imageCost, type GenerationResult } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor, searchTokens } from './ids.js';
import { imageInput, imageSettings } from './image-job.js';
import { loadReferences } from './intake/load-references.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { secretsFor } from './providers/table.js';
import { seedFor } from './seed.js';
import { callImageModel, runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateImage = callableHandler(
  'generateImage',
  generateImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    const [result] = await runGenerations(deps, uid, {
      ids: [generationIdFor(uid, data.requestId)],
      models: (catalog) => [requireImageModel(catalog, data.model, data)],
      intake: (models) => loadReferences(data.references, models, pipelineOptions().intake),
      generation: (model) => ({
        kind: 'image',
        model: model.id,
        provider: model.provider,
        prompt: data.prompt,
        settings: imageSettings(data, data.count, seedFor(model, data.seed)),
        cost: imageCost(model, data.resolution, data.count),
        requestId: data.requestId,
        searchTokens: searchTokens(data.prompt, model.id),
      }),
      run: ({ model, doc }, references) =>
        callImageModel(deps, model, imageInput(doc, data.prompt, references.get(model.id)!)),
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
