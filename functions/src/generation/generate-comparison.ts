/**
 * `generateComparison`: one prompt on 2–4 models at once. All reservations are made in one
 * transaction (each model its own ledger entry), then the models run in parallel and each one
 * that fails is refunded on its own.
 */
import { generateComparisonRequestSchema, imageCost, type GenerateComparisonResponse } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor, searchTokens } from './ids.js';
import { readSourceBytes } from './intake/load-source.js';
import { normalizeImage, type NormalizedImage } from './intake/normalize.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { secretsFor } from './providers/table.js';
import { callImageModel, runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateComparison = callableHandler(
  'generateComparison',
  generateComparisonRequestSchema,
  async ({ uid, data, deps }): Promise<GenerateComparisonResponse> => {
    const source = data.reference;
    const withReference = source !== undefined;
    const comparisonId = generationIdFor(uid, data.requestId, 'comparison');
    const results = await runGenerations(deps, uid, {
      ids: data.models.map((m) => generationIdFor(uid, data.requestId, m)),
      models: (catalog) =>
        data.models.map((m) =>
          requireImageModel(catalog, m, { ...data, count: 1, references: withReference ? 1 : 0 }),
        ),
      // Download once, normalise per model (each provider has its own size limits).
      intake: async (models) => {
        const byModel = new Map<string, NormalizedImage>();
        if (!source) return byModel;
        const raw = await readSourceBytes(source, pipelineOptions().intake);
        for (const m of models) {
          byModel.set(
            m.id,
            await normalizeImage(raw, { maxSide: m.maxReferenceSide, maxBytes: m.maxReferenceBytes }),
          );
        }
        return byModel;
      },
      generation: (model) => ({
        kind: 'image',
        model: model.id,
        provider: model.provider,
        prompt: data.prompt,
        settings: {
          aspectRatio: data.aspectRatio,
          resolution: data.resolution,
          count: 1,
          withReference,
          comparisonId,
        },
        cost: imageCost(model, data.resolution, 1),
        requestId: data.requestId,
        searchTokens: searchTokens(data.prompt, model.id),
      }),
      run: ({ model }, normalized) => {
        const reference = normalized.get(model.id);
        return callImageModel(deps, model, {
          prompt: data.prompt,
          references: reference ? [reference] : [],
          aspectRatio: data.aspectRatio,
          resolution: data.resolution,
          count: 1,
        });
      },
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
