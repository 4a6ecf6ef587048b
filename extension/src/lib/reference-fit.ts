/**
 * Whether an image model can take a number of reference images, from its catalog entry — the
 * same limits the server checks (`unsupported-option`, `too-many-references`), so the panel
 * greys a model out with the reason before anyone pays for a refusal.
 */
import type { ModelInfo } from '@mimicit/shared';
import type { MessageKey } from './i18n';

type Fields = Pick<ModelInfo, 'capabilities' | 'maxReferences'>;

/** Why `model` cannot run with `count` references (a message key and its parameters), or undefined. */
export function referenceRefusal(
  model: Fields,
  count: number,
): { key: MessageKey; params?: Record<string, number> } | undefined {
  if (count === 0) {
    return model.capabilities.includes('text-to-image') ? undefined : { key: 'refs.needsOne' };
  }
  if (!model.capabilities.includes('image-to-image') || model.maxReferences === 0) {
    return { key: 'refs.takesNone' };
  }
  if (count > model.maxReferences) return { key: 'refs.takesAtMost', params: { max: model.maxReferences } };
  return undefined;
}

/**
 * How many references the person may pick with `model` chosen: its limit, and at least one (a
 * picked image is also what Describe reads, whatever the image model).
 */
export function pickLimit(model: Fields | undefined, fallback: number): number {
  return model ? Math.max(1, model.maxReferences) : fallback;
}
