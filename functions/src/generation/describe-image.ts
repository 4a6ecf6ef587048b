/**
 * `describeImage`: source image → prompt(s) in the chosen style and language. The source is
 * loaded and normalised before any credit is reserved, so bad input costs nothing.
 */
import { describeCost, describeImageRequestSchema, type GenerationResult } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { generationIdFor, searchTokens } from './ids.js';
import { loadReferences } from './intake/load-references.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { secretsFor } from './providers/table.js';
import { callPromptModel, runGenerations } from './skeleton.js';
import { requireDescribeModel } from './validate.js';

export const handleDescribeImage = callableHandler(
  'describeImage',
  describeImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    const [result] = await runGenerations(deps, uid, {
      ids: [generationIdFor(uid, data.requestId)],
      models: (catalog) => [requireDescribeModel(catalog, data.model)],
      intake: (models) => loadReferences([{ source: data.source }], models, pipelineOptions().intake),
      generation: (model) => ({
        kind: 'prompt',
        model: model.id,
        provider: model.provider,
        settings: { language: data.language, style: data.style, variants: data.variants },
        cost: describeCost(model),
        requestId: data.requestId,
        searchTokens: searchTokens(undefined, model.id),
      }),
      run: ({ model }, images) =>
        callPromptModel(deps, model, {
          image: images.get(model.id)![0]!,
          language: data.language,
          style: data.style,
          variants: data.variants,
        }),
    });
    return result!;
  },
);

export const describeImage = defineCallable(
  {
    timeoutSeconds: GENERATION_TIMEOUT_SECONDS,
    memory: '1GiB',
    concurrency: 8,
    secrets: secretsFor('describe'),
  },
  handleDescribeImage,
);
