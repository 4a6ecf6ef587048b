/**
 * What generateImage and generateComparison share beyond the skeleton: the settings an image
 * generation stores (everything Reproduce needs, never the images or their addresses) and the
 * provider input built back from the reserved document, so the provider runs with exactly the
 * seed and settings that were stored.
 */
import type {
  AspectRatio,
  GenerationDoc,
  GenerationSettings,
  ReferenceRole,
  Resolution,
} from '@mimicit/shared';
import type { ReferenceImage } from './intake/load-references.js';
import type { ImageInput } from './providers/types.js';

/** The stored settings of one image generation. */
export function imageSettings(
  request: {
    aspectRatio: AspectRatio;
    resolution: Resolution;
    references: readonly { role?: ReferenceRole }[];
  },
  count: number,
  seed: number | undefined,
): GenerationSettings {
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
export function imageInput(
  doc: GenerationDoc,
  prompt: string,
  references: readonly ReferenceImage[],
): ImageInput {
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
