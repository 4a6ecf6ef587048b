/**
 * `generateComparison`: one prompt (and the same references) on 2–4 models at once. All
 * reservations are made in one transaction (each model its own ledger entry), then the models
 * run in parallel and each one that fails is refunded on its own. Each seeded model draws its
 * own seed, stored on its generation.
 */
import { generateComparisonRequestSchema, imageCost, type GenerateComparisonResponse } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor, searchTokens } from './ids.js';
import { imageInput, imageSettings } from './image-job.js';
import { loadReferences } from './intake/load-references.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { secretsFor } from './providers/table.js';
import { seedFor } from './seed.js';
import { callImageModel, runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateComparison = callableHandler(
  'generateComparison',
  generateComparisonRequestSchema,
  async ({ uid, data, deps }): Promise<GenerateComparisonResponse> => {
    const comparisonId = generationIdFor(uid, data.requestId, 'comparison');
    const results = await runGenerations(deps, uid, {
      ids: data.models.map((m) => generationIdFor(uid, data.requestId, m)),
      models: (catalog) => data.models.map((m) => requireImageModel(catalog, m, { ...data, count: 1 })),
      // Each reference is downloaded once and normalised per model (each provider has its limits).
      intake: (models) => loadReferences(data.references, models, pipelineOptions().intake),
      generation: (model) => ({
        kind: 'image',
        model: model.id,
        provider: model.provider,
        prompt: data.prompt,
        settings: { ...imageSettings(data, 1, seedFor(model)), comparisonId },
        cost: imageCost(model, data.resolution, 1),
        requestId: data.requestId,
        searchTokens: searchTokens(data.prompt, model.id),
      }),
      run: ({ model, doc }, references) =>
        callImageModel(deps, model, imageInput(doc, data.prompt, references.get(model.id)!)),
    });
    return { comparisonId, results };
  },
);

export const generateComparison = defineCallable(
  {
    timeoutSeconds: GENERATION_TIMEOUT_SECONDS,
    memory: '1GiB',
    concurrency: 4,
    secrets: secretsFor('image'),
  },
  handleGenerateComparison,
);
