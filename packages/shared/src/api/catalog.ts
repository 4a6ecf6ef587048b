import { z } from 'zod';
import { ASPECT_RATIOS, CAPABILITIES, PROVIDERS, RESOLUTIONS } from '../catalog.js';
import { CURRENCIES } from '../packs.js';

export const modelInfoSchema = z.object({
  id: z.string(),
  providerModel: z.string(),
  provider: z.enum(PROVIDERS),
  label: z.string(),
  kind: z.enum(['prompt', 'image']),
  capabilities: z.array(z.enum(CAPABILITIES)),
  aspectRatios: z.array(z.enum(ASPECT_RATIOS)),
  resolutions: z.array(z.enum(RESOLUTIONS)),
  maxImages: z.number().int().nonnegative(),
  maxReferenceBytes: z.number().int().nonnegative(),
  maxReferenceSide: z.number().int().nonnegative(),
  cost: z.number().int().positive(),
  previewOnly: z.boolean().optional(),
});

export const creditPackSchema = z.object({
  id: z.string(),
  credits: z.number().int().positive(),
  prices: z.record(z.enum(CURRENCIES), z.number().int().positive()),
  label: z.object({ en: z.string(), ja: z.string() }),
});

export const getCatalogRequestSchema = z.object({}).strict().optional();

export const getCatalogResponseSchema = z.object({
  models: z.array(modelInfoSchema),
  packs: z.array(creditPackSchema),
});
export type GetCatalogResponse = z.infer<typeof getCatalogResponseSchema>;
