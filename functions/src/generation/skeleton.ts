/**
 * The one skeleton every generation callable runs (describeImage, generateImage,
 * generateComparison): replay check → models checked against the effective catalog → rate-limit
 * pre-check → source images loaded and normalised → credits reserved → provider called per
 * generation, each failure refunded on its own. A callable only says what differs: its ids,
 * which models, how its images are loaded, what its documents hold and which provider call runs.
 */
import {
  endpointOf,
  collections,
  type CatalogModel,
  type GenerationDoc,
  type GenerationResult,
} from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import { loadCatalog } from '../catalog/effective.js';
import { watchRetirement } from '../models/retire.js';
import {
  readResult,
  reserve,
  resultOf,
  runReserved,
  type JobOutput,
  type NewGeneration,
} from './pipeline.js';
import { getProviderAdapter } from './providers/registry.js';
import { providerErrors, type DescribeInput, type ImageInput } from './providers/types.js';
import { checkRateLimit, countedIfRefused } from './rate-limit.js';

/** One generation of a request: its model and its pending document. */
export interface Unit {
  model: CatalogModel;
  /** The document as reserved: what the provider call must honour (settings, seed). */
  doc: GenerationDoc;
}

/** What one callable contributes to the skeleton. `Prepared` is what its intake produced. */
export interface GenerationPlan<Prepared> {
  /**
   * One generation id per model, derived from the request id alone, so a replay finds its
   * stored results before any model is checked: a model disabled or retired since must not
   * turn a result the person already paid for into an error.
   */
  ids: readonly string[];
  /** The models, checked against the effective catalog, one per id (throws a precise refusal). */
  models(catalog: readonly CatalogModel[]): CatalogModel[];
  /** Loads and normalises the request's images. Runs before any credit is reserved. */
  intake(models: readonly CatalogModel[]): Promise<Prepared>;
  /** The pending document of the generation for `model`. */
  generation(model: CatalogModel, prepared: Prepared): NewGeneration;
  /** The provider call of one reserved generation. */
  run(unit: Unit, prepared: Prepared): Promise<JobOutput>;
}

/**
 * Runs a plan. Refusals before the reservation (unknown model, limits, bad images, too few
 * credits) throw and cost nothing; after it, each generation ends `succeeded` or `failed` and
 * refunded, and the answer lists them in the order of `ids`.
 */
export async function runGenerations<Prepared>(
  deps: Deps,
  uid: string,
  plan: GenerationPlan<Prepared>,
): Promise<GenerationResult[]> {
  const first = (await deps.store.get(collections.generations.doc(uid, plan.ids[0]!))).data;
  if (first) {
    return Promise.all(
      plan.ids.map((id, i) => (i === 0 ? resultOf(id, first, true) : readResult(deps, uid, id, true))),
    );
  }
  const models = plan.models(await loadCatalog(deps));
  const weight = models.length;

  await checkRateLimit(deps.store, uid, deps.clock.now(), weight);
  const prepared = await countedIfRefused(deps.store, uid, deps.clock.now(), weight, () =>
    plan.intake(models),
  );
  const reservations = await reserve(
    deps,
    uid,
    models.map((model, i) => ({ id: plan.ids[i]!, gen: plan.generation(model, prepared) })),
  );
  return Promise.all(
    reservations.map((r, i) =>
      r.created
        ? runReserved(deps, uid, r, () => plan.run({ model: models[i]!, doc: r.doc }, prepared))
        : resultOf(r.id, r.doc, true),
    ),
  );
}

/** Calls the image model of `model`'s provider; a "model gone" answer marks it retired. */
export async function callImageModel(deps: Deps, model: CatalogModel, input: ImageInput): Promise<JobOutput> {
  const adapter = await getProviderAdapter(model.provider);
  if (!adapter.generate) throw providerErrors.config();
  const endpoint = endpointOf(model, (input.references?.length ?? 0) > 0);
  const images = await watchRetirement(deps, model, endpoint, () => adapter.generate!(model, input));
  return { kind: 'image', images };
}

/** Calls the vision model of `model`'s provider; a "model gone" answer marks it retired. */
export async function callPromptModel(
  deps: Deps,
  model: CatalogModel,
  input: DescribeInput,
): Promise<JobOutput> {
  const adapter = await getProviderAdapter(model.provider);
  if (!adapter.describe) throw providerErrors.config();
  const result = await watchRetirement(deps, model, model.providerModel, () =>
    adapter.describe!(model, input),
  );
  return { kind: 'prompt', result };
}
