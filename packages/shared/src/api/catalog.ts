import { z } from 'zod';
import { ASPECT_RATIOS, CAPABILITIES, PROVIDERS, RESOLUTIONS, UNAVAILABLE_REASONS } from '../catalog.js';
import { CURRENCIES } from '../packs.js';

const credits = z.number().int().positive().max(10_000);

export const modelInfoSchema = z.object({
  id: z.string(),
  providerModel: z.string(),
  providerModelEdit: z.string().optional(),
  provider: z.enum(PROVIDERS),
  label: z.string(),
  kind: z.enum(['prompt', 'image']),
  capabilities: z.array(z.enum(CAPABILITIES)),
  aspectRatios: z.array(z.enum(ASPECT_RATIOS)),
  resolutions: z.array(z.enum(RESOLUTIONS)),
  maxImages: z.number().int().nonnegative(),
  maxReferences: z.number().int().nonnegative(),
  referenceRoles: z.boolean(),
  seed: z.boolean(),
  maxReferenceBytes: z.number().int().nonnegative(),
  maxReferenceSide: z.number().int().nonnegative(),
  cost: credits,
  resolutionCosts: z.partialRecord(z.enum(RESOLUTIONS), credits).optional(),
  source: z.string().optional(),
  previewOnly: z.boolean().optional(),
});

/** A model as `getCatalog` serves it: greyed out (with the reason) when it cannot be used. */
export const catalogModelSchema = modelInfoSchema.extend({
  available: z.boolean(),
  unavailableReason: z.enum(UNAVAILABLE_REASONS).optional(),
});

export const creditPackSchema = z.object({
  id: z.string(),
  credits: z.number().int().positive(),
  prices: z.record(z.enum(CURRENCIES), z.number().int().positive()),
  label: z.object({ en: z.string(), ja: z.string() }),
});

export const getCatalogRequestSchema = z.object({}).strict().optional();

export const getCatalogResponseSchema = z.object({
  models: z.array(catalogModelSchema),
  packs: z.array(creditPackSchema),
});
export type GetCatalogResponse = z.infer<typeof getCatalogResponseSchema>;
