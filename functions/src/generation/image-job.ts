/**
 * What generateImage and generateComparison share beyond the skeleton: the references' intake,
 * the document an image generation starts as (its settings hold everything Reproduce needs, never
 * the images or their addresses) and the provider call, built back from the reserved document so
 * the provider runs with exactly the seed and settings that were stored.
 */
import {
  imageCost,
  type AspectRatio,
  type GenerationDoc,
  type GenerationSettings,
  type ImageReference,
  type Resolution,
} from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import { searchTokens } from './ids.js';
import { loadReferences, type ReferenceImage, type ReferencesByModel } from './intake/load-references.js';
import { pipelineOptions } from './options.js';
import type { ImageInput } from './providers/types.js';
import { seedFor } from './seed.js';
import { callImageModel, type GenerationPlan } from './skeleton.js';

/** The fields of an image request the shared steps read. */
export interface ImageRequest {
  requestId: string;
  prompt: string;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  references: readonly ImageReference[];
}

/**
 * The intake, document and provider call of an image plan: `count` images per model, the
 * person's `seed` (or a drawn one where the model takes seeds), and `comparisonId` for the
 * generations of one comparison.
 */
export function imageSteps(
  deps: Deps,
  request: ImageRequest,
  options: { count: number; seed?: number; comparisonId?: string },
): Pick<GenerationPlan<ReferencesByModel>, 'intake' | 'generation' | 'run'> {
  const { count, seed, comparisonId } = options;
  return {
    // Each reference is downloaded once and normalised per model limit.
    intake: (models) => loadReferences(request.references, models, pipelineOptions().intake),
    generation: (model) => ({
      kind: 'image',
      model: model.id,
      provider: model.provider,
      prompt: request.prompt,
      settings: {
        ...imageSettings(request, count, seedFor(model, seed)),
        ...(comparisonId ? { comparisonId } : {}),
      },
      cost: imageCost(model, request.resolution, count),
      requestId: request.requestId,
      searchTokens: searchTokens(request.prompt, model.id),
    }),
    run: ({ model, doc }, references) =>
      callImageModel(deps, model, imageInput(doc, request.prompt, references.get(model.id)!)),
  };
}

/** The stored settings of one image generation. */
function imageSettings(request: ImageRequest, count: number, seed: number | undefined): GenerationSettings {
  const { references } = request;
  return {
    aspectRatio: request.aspectRatio,
    resolution: request.resolution,
    count,
    withReference: references.length > 0,
    ...(references.length > 0 ? { referenceRoles: references.map((r) => r.role ?? 'plain') } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}

/** The provider input for a reserved image generation. */
function imageInput(doc: GenerationDoc, prompt: string, references: readonly ReferenceImage[]): ImageInput {
  const { aspectRatio, resolution, count, seed } = doc.settings;
  return {
    prompt,
    references,
    aspectRatio: aspectRatio!,
    resolution: resolution!,
    count: count ?? 1,
    ...(seed !== undefined ? { seed } : {}),
  };
}
