/**
 * Whether a model can take the references on the Generate page, and if not, why: the picker
 * greys such a model out with this reason before anyone is charged (the server refuses the same
 * requests with `unsupported-option` / `too-many-references`).
 */
import type { ImageReference, ModelInfo, ReferenceRole } from '@mimicit/shared';
import type { ChosenSource } from './source-image';

type Fits = Pick<ModelInfo, 'capabilities' | 'maxReferences' | 'referenceRoles'>;

/** What a model is measured against: how many references, and whether any has a role. */
export interface ReferenceNeed {
  count: number;
  roles: boolean;
}

/** Why `model` cannot take `need`, as an i18n key with its values; undefined when it can. */
export function referenceMisfit(
  model: Fits,
  need: ReferenceNeed,
): { key: string; values?: Record<string, number> } | undefined {
  if (need.count === 0) return undefined;
  if (!model.capabilities.includes('image-to-image') || model.maxReferences === 0)
    return { key: 'remix.misfitNone' };
  if (need.count > model.maxReferences)
    return { key: 'remix.misfitSlots', values: { max: model.maxReferences } };
  if (need.roles && !model.referenceRoles) return { key: 'remix.misfitRoles' };
  return undefined;
}

/** The most references every one of `models` takes (`fallback` when none is chosen). */
export function referenceSlots(models: readonly Fits[], fallback: number): number {
  return models.length ? Math.min(...models.map((m) => m.maxReferences)) : fallback;
}

/** Whether the roles can be set: every chosen model tells subject, scene and style apart. */
export function rolesAllowed(models: readonly Fits[]): boolean {
  return models.every((m) => m.referenceRoles);
}

/** The request's references: each source with its role where one is set. */
export function toRequestReferences(
  items: readonly { source: ChosenSource; role: ReferenceRole | '' }[],
): ImageReference[] {
  return items.map((r) => (r.role ? { source: r.source.source, role: r.role } : { source: r.source.source }));
}
