/**
 * `generateImage`: prompt (+ reference images with roles, + a seed where the model takes one) →
 * image(s) from the chosen model. Every reference is loaded and normalised before any credit is
 * reserved, so bad input costs nothing.
 */
import { generateImageRequestSchema, type GenerationResult } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor } from './ids.js';
import { imageSteps } from './image-job.js';
import { GENERATION_TIMEOUT_SECONDS } from './options.js';
import { secretsFor } from './providers/table.js';
import { runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateImage = callableHandler(
  'generateImage',
  generateImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    const [result] = await runGenerations(deps, uid, {
      ids: [generationIdFor(uid, data.requestId)],
      models: (catalog) => [requireImageModel(catalog, data.model, data)],
      ...imageSteps(deps, data, { count: data.count, seed: data.seed }),
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
