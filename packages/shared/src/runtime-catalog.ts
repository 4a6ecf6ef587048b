/**
 * The runtime catalog: what an operator changes without a deploy, and what the retirement watch
 * records. Both live in server-only Firestore documents (`modelOverrides/catalog`,
 * `modelStatus/{modelId}`); the server validates them with these schemas and merges them over
 * the code catalog with {@link effectiveCatalog}.
 */
import { z } from 'zod';
import {
  LIMITS,
  REMOTE_PROVIDERS,
  RESOLUTIONS,
  supports,
  type CatalogModel,
  type ModelInfo,
} from './catalog.js';
import { modelInfoSchema } from './api/catalog.js';

const credits = z.number().int().positive().max(10_000);
const providerModelName = z.string().min(1).max(200);

/** What an operator may change on an existing model. */
export const modelOverrideSchema = z
  .object({
    /** Hides the model from new requests (shown greyed out). */
    disabled: z.boolean().optional(),
    /** Points our stable id at another provider model (a successor, a snapshot). */
    providerModel: providerModelName.optional(),
    providerModelEdit: providerModelName.optional(),
    label: z.string().min(1).max(80).optional(),
    cost: credits.optional(),
    resolutionCosts: z.partialRecord(z.enum(RESOLUTIONS), credits).optional(),
  })
  .strict();
export type ModelOverride = z.infer<typeof modelOverrideSchema>;

/** A model an operator adds: a complete entry of a provider the code already speaks. */
export const addedModelSchema = modelInfoSchema
  .extend({
    id: z
      .string()
      .min(2)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and "-"'),
    provider: z.enum(REMOTE_PROVIDERS),
    providerModel: providerModelName,
    label: z.string().min(1).max(80),
    // No request can carry more references than this, so no model may promise more.
    maxReferences: z.number().int().nonnegative().max(LIMITS.maxReferences),
    previewOnly: z.undefined().optional(),
  })
  .strict()
  .refine((m) => (m.kind === 'prompt') === supports(m as ModelInfo, 'describe'), {
    message: 'a prompt model describes images; an image model makes them',
  });

/** `modelOverrides/catalog`: the operator's document. Unknown keys are refused, not ignored. */
export const modelOverridesDocSchema = z
  .object({
    models: z.record(z.string(), modelOverrideSchema).default({}),
    added: z.array(addedModelSchema).max(20).default([]),
    updatedAt: z.date().optional(),
    /** Free text: who changed what and why (shown nowhere, kept for the next operator). */
    note: z.string().max(2000).optional(),
  })
  .strict();
export type ModelOverridesDoc = z.infer<typeof modelOverridesDocSchema>;

/** `modelStatus/{modelId}`: written by the server when a provider says a model is gone. */
export const modelStatusDocSchema = z.object({
  state: z.literal('retired'),
  /** The provider model that was found gone; a mark stops applying once the id is re-pointed. */
  providerModel: z.string(),
  /** Where it was detected: a live call answered "not found", or the daily list check. */
  detectedBy: z.enum(['call', 'watch']),
  detail: z.string().max(300),
  at: z.date(),
});
export type ModelStatusDoc = z.infer<typeof modelStatusDocSchema>;

/**
 * Merges operator overrides and retirement marks over the code catalog. Added entries whose id
 * is already taken are skipped (the code entry wins). A retirement mark applies only while the
 * model still points at the provider model it was recorded for.
 */
export function effectiveCatalog(
  base: readonly ModelInfo[],
  overrides: ModelOverridesDoc | undefined,
  statuses: ReadonlyMap<string, ModelStatusDoc>,
): CatalogModel[] {
  const taken = new Set(base.map((m) => m.id));
  const added = (overrides?.added ?? []).filter((m) => !taken.has(m.id) && taken.add(m.id));
  return [...base, ...(added as ModelInfo[])].map((model) => {
    const o = overrides?.models[model.id] ?? {};
    const merged: ModelInfo = {
      ...model,
      ...(o.providerModel ? { providerModel: o.providerModel } : {}),
      ...(o.providerModelEdit ? { providerModelEdit: o.providerModelEdit } : {}),
      ...(o.label ? { label: o.label } : {}),
      ...(o.cost ? { cost: o.cost } : {}),
      ...(o.resolutionCosts ? { resolutionCosts: { ...model.resolutionCosts, ...o.resolutionCosts } } : {}),
    };
    const status = statuses.get(model.id);
    const retired =
      status !== undefined &&
      (status.providerModel === merged.providerModel || status.providerModel === merged.providerModelEdit);
    if (o.disabled) return { ...merged, available: false, unavailableReason: 'disabled' as const };
    if (retired) return { ...merged, available: false, unavailableReason: 'retired' as const };
    return { ...merged, available: true };
  });
}
