/**
 * `generateComparison`: one prompt on 2–4 models at once. All reservations are made in one
 * transaction (each model its own ledger entry), then the models run in parallel and each one
 * that fails is refunded on its own.
 */
import {
  endpointOf,
  generateComparisonRequestSchema,
  paths,
  imageCost,
  type GenerateComparisonResponse,
  type GenerationDoc,
  type ModelInfo,
} from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { loadCatalog } from '../catalog/effective.js';
import { watchRetirement } from '../models/retire.js';
import { generationIdFor, searchTokens } from './ids.js';
import { readSourceBytes } from './intake/load-source.js';
import { normalizeImage, type NormalizedImage } from './intake/normalize.js';
import { GENERATION_TIMEOUT_SECONDS, pipelineOptions } from './options.js';
import { readResult, reserve, resultOf, runReserved } from './pipeline.js';
import { getProviderAdapter } from './providers/registry.js';
import { providerErrors } from './providers/types.js';
import { secretsFor } from './providers/table.js';
import { checkRateLimit, countedIfRefused } from './rate-limit.js';
import { requireImageModel } from './validate.js';

export const handleGenerateComparison = callableHandler(
  'generateComparison',
  generateComparisonRequestSchema,
  async ({ uid, data, deps }): Promise<GenerateComparisonResponse> => {
    const withReference = data.reference !== undefined;
    const comparisonId = generationIdFor(uid, data.requestId, 'comparison');
    // Ids come from the requested model ids, so a replay finds its stored results before the
    // models are checked: one disabled or retired since must not turn paid results into an error.
    const ids = data.models.map((m) => generationIdFor(uid, data.requestId, m));
    const existing = await deps.store.get<GenerationDoc>(paths.generation(uid, ids[0]!));
    if (existing.data) {
      return { comparisonId, results: await Promise.all(ids.map((id) => readResult(deps, uid, id, true))) };
    }
    const catalog = await loadCatalog(deps);
    const references = withReference ? 1 : 0;
    const models = data.models.map((m) => requireImageModel(catalog, m, { ...data, count: 1, references }));

    await checkRateLimit(deps.store, uid, deps.clock.now(), models.length);
    // Download once, normalise per model (each provider has its own size limits).
    const source = data.reference;
    const normalized = await countedIfRefused(deps.store, uid, deps.clock.now(), models.length, async () => {
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
    });
    const reservations = await reserve(
      deps,
      uid,
      models.map((model, i) => ({
        id: ids[i]!,
        gen: {
          kind: 'image' as const,
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
        },
      })),
    );
    const results = await Promise.all(
      reservations.map((r, i) => {
        const model = models[i] as ModelInfo;
        if (!r.created) return resultOf(r.id, r.doc, true);
        return runReserved(deps, uid, r, async () => {
          const adapter = await getProviderAdapter(model.provider);
          if (!adapter.generate) throw providerErrors.config();
          const reference = normalized.get(model.id);
          const images = await watchRetirement(deps, model, endpointOf(model, withReference), () =>
            adapter.generate!(model, {
              prompt: data.prompt,
              references: reference ? [reference] : [],
              aspectRatio: data.aspectRatio,
              resolution: data.resolution,
              count: 1,
            }),
          );
          return { kind: 'image', images };
        });
      }),
    );
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
