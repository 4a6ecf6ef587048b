/**
 * `generateImage`: prompt (+ optional reference image) → image(s) from the chosen model. The
 * reference is loaded and normalised before any credit is reserved, so bad input costs nothing.
 */
import {
  endpointOf,
  generateImageRequestSchema,
  paths,
  imageCost,
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
import { requireImageModel } from './validate.js';

export const handleGenerateImage = callableHandler(
  'generateImage',
  generateImageRequestSchema,
  async ({ uid, data, deps }): Promise<GenerationResult> => {
    // A replay returns what was stored before the model is checked: the person already paid for
    // it, so a model disabled or retired since must not turn their result into an error.
    const id = generationIdFor(uid, data.requestId);
    const existing = await deps.store.get<GenerationDoc>(paths.generation(uid, id));
    if (existing.data) return resultOf(id, existing.data, true);
    const catalog = await loadCatalog(deps);
    const model = requireImageModel(catalog, data.model, { ...data, references: data.reference ? 1 : 0 });

    await checkRateLimit(deps.store, uid, deps.clock.now());
    const source = data.reference;
    const reference = source
      ? await countedIfRefused(deps.store, uid, deps.clock.now(), 1, () =>
          loadSource(source, {
            ...pipelineOptions().intake,
            maxSide: model.maxReferenceSide,
            maxBytes: model.maxReferenceBytes || undefined,
          }),
        )
      : undefined;
    const [reservation] = await reserve(deps, uid, [
      {
        id,
        gen: {
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
        },
      },
    ]);
    if (!reservation!.created) return resultOf(id, reservation!.doc, true);
    return runReserved(deps, uid, reservation!, async () => {
      const adapter = await getProviderAdapter(model.provider);
      if (!adapter.generate) throw providerErrors.config();
      const endpoint = endpointOf(model, reference !== undefined);
      const images = await watchRetirement(deps, model, endpoint, () =>
        adapter.generate!(model, {
          prompt: data.prompt,
          references: reference ? [reference] : [],
          aspectRatio: data.aspectRatio,
          resolution: data.resolution,
          count: data.count,
        }),
      );
      return { kind: 'image', images };
    });
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
