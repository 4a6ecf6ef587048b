/**
 * `generateComparison`: one prompt (and the same references) on 2–4 models at once. All
 * reservations are made in one transaction (each model its own ledger entry), then the models
 * run in parallel and each one that fails is refunded on its own. Each seeded model draws its
 * own seed, stored on its generation.
 */
import { generateComparisonRequestSchema, type GenerateComparisonResponse } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor } from './ids.js';
import { imageSteps } from './image-job.js';
import { GENERATION_TIMEOUT_SECONDS } from './options.js';
import { secretsFor } from './providers/table.js';
import { runGenerations } from './skeleton.js';
import { requireImageModel } from './validate.js';

export const handleGenerateComparison = callableHandler(
  'generateComparison',
  generateComparisonRequestSchema,
  async ({ uid, data, deps }): Promise<GenerateComparisonResponse> => {
    const comparisonId = generationIdFor(uid, data.requestId, 'comparison');
    const results = await runGenerations(deps, uid, {
      ids: data.models.map((m) => generationIdFor(uid, data.requestId, m)),
      models: (catalog) => data.models.map((m) => requireImageModel(catalog, m, { ...data, count: 1 })),
      ...imageSteps(deps, data, { count: 1, comparisonId }),
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
