/**
 * `describeImage`: source image → prompt(s) in the chosen style and language. The source is
 * loaded and normalised before any credit is reserved, so bad input costs nothing.
 */
import {
  describeCost,
  describeImageRequestSchema,
  paths,
  type GenerationDoc,
  type GenerationResult,
} from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { loadCatalog } from '../catalog/effective.js';
import { watchRetirement } from '../models/retire.js';
import { generationIdFor, searchTokens } from './ids.js';
import { loadSource } from './intake/load-source.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { reserve, resultOf, runReserved } from './pipeline.js';
import { getProviderAdapter } from './providers/registry.js';
import { providerErrors } from './providers/types.js';
import { secretsFor } from './providers/table.js';
import { checkRateLimit, countedIfRefused } from './rate-limit.js';
import { requireDescribeModel } from './validate.js';

export const handleDescribeImage = callableHandler(
  'describeImage',
  describeImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    // A replay returns what was stored before the model is checked (see generateImage).
    const id = generationIdFor(uid, data.requestId);
    const existing = await deps.store.get<GenerationDoc>(paths.generation(uid, id));
    if (existing.data) return resultOf(id, existing.data, true);
    const model = requireDescribeModel(await loadCatalog(deps), data.model);

    await checkRateLimit(deps.store, uid, deps.clock.now());
    const image = await countedIfRefused(deps.store, uid, deps.clock.now(), 1, () =>
      loadSource(data.source, {
        ...pipelineOptions().intake,
        maxSide: model.maxReferenceSide,
        maxBytes: model.maxReferenceBytes || undefined,
      }),
    );
    const [reservation] = await reserve(deps, uid, [
      {
        id,
        gen: {
          kind: 'prompt',
          model: model.id,
          provider: model.provider,
          settings: { language: data.language, style: data.style, variants: data.variants },
          cost: describeCost(model),
          requestId: data.requestId,
          searchTokens: searchTokens(undefined, model.id),
        },
      },
    ]);
    if (!reservation!.created) return resultOf(id, reservation!.doc, true);
    return runReserved(deps, uid, reservation!, async () => {
      const adapter = await getProviderAdapter(model.provider);
      if (!adapter.describe) throw providerErrors.config();
      const result = await watchRetirement(deps, model, model.providerModel, () =>
        adapter.describe!(model, {
          image,
          language: data.language,
          style: data.style,
          variants: data.variants,
        }),
      );
      return { kind: 'prompt', result };
    });
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
