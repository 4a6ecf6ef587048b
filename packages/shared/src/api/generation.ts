/**
 * Request/response schemas of the generation callables (describeImage, generateImage,
 * generateComparison, deleteGeneration). Clients validate with the same schemas the server uses.
 */
import { z } from 'zod';
import { ASPECT_RATIOS, LIMITS, REFERENCE_ROLES, RESOLUTIONS, SEED_MAX } from '../catalog.js';
import { GENERATION_STATUSES, LOCALES, PROMPT_STYLES } from '../docs.js';

/**
 * A client-chosen id per user action (a UUID fits). Retrying the same action with the same id
 * returns the same generation and never charges twice.
 */
export const requestIdSchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" or "_" (a UUID fits)');

/** Base64 data URLs grow by 4/3; the decoded size is checked again on the server. */
const MAX_DATA_URL_CHARS = Math.ceil((LIMITS.maxInlineImageBytes * 4) / 3) + 256;

/**
 * The source image: inline bytes as a data URL, or an http(s) URL the server fetches through its
 * SSRF-safe fetcher. Never stored: processed in memory only.
 */
export const imageSourceSchema = z.union([
  z.object({ dataUrl: z.string().min(1).max(MAX_DATA_URL_CHARS) }).strict(),
  z.object({ url: z.string().min(1).max(2048) }).strict(),
]);
export type ImageSource = z.infer<typeof imageSourceSchema>;

/**
 * Prompt text. The hard cap here only stops absurd payloads; the product limit
 * (`LIMITS.maxPromptLength`) is checked by the server with the precise reason `prompt-too-long`.
 */
export const promptTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.maxPromptLength * 4);

export const describeImageRequestSchema = z
  .object({
    requestId: requestIdSchema,
    model: z.string().min(1).max(64),
    source: imageSourceSchema,
    language: z.enum(LOCALES).default('en'),
    style: z.enum(PROMPT_STYLES).default('natural'),
    variants: z.number().int().min(1).max(LIMITS.maxVariants).default(1),
  })
  .strict();
export type DescribeImageRequest = z.input<typeof describeImageRequestSchema>;

/**
 * One reference image of an image request, with its role where the model takes roles
 * (`referenceRoles` in the catalog); without a role it is a plain reference.
 */
export const imageReferenceSchema = z
  .object({ source: imageSourceSchema, role: z.enum(REFERENCE_ROLES).optional() })
  .strict();
export type ImageReference = z.infer<typeof imageReferenceSchema>;

/** A provider seed (see `SEED_MAX`). */
export const seedSchema = z.number().int().min(0).max(SEED_MAX);

/**
 * The reference fields every image request shares. `references` is the list (at most
 * `LIMITS.maxReferences`; each model's own `maxReferences` is checked on the server with the
 * reason `too-many-references`). `reference` is the single plain reference older extension
 * builds still send: accepted for one more release and normalised into `references`.
 */
const referenceFields = {
  references: z.array(imageReferenceSchema).max(LIMITS.maxReferences).optional(),
  /** @deprecated Send `references: [{ source }]`. Kept for extension builds already installed. */
  reference: imageSourceSchema.optional(),
};

/** Refuses both forms at once, then folds the legacy `reference` into `references`. */
function withReferenceList<T extends { references?: ImageReference[]; reference?: ImageSource }>(
  fields: T,
  ctx: z.RefinementCtx,
): Omit<T, 'reference' | 'references'> & { references: ImageReference[] } {
  const { reference, references, ...rest } = fields;
  if (reference && references) {
    ctx.addIssue({
      code: 'custom',
      path: ['reference'],
      message: 'send the references in `references` only (`reference` is the older single form)',
    });
  }
  return { ...rest, references: references ?? (reference ? [{ source: reference }] : []) };
}

export const generateImageRequestSchema = z
  .object({
    requestId: requestIdSchema,
    model: z.string().min(1).max(64),
    prompt: promptTextSchema,
    ...referenceFields,
    aspectRatio: z.enum(ASPECT_RATIOS).default('1:1'),
    resolution: z.enum(RESOLUTIONS).default('1k'),
    count: z.number().int().min(1).max(4).default(1),
    /** For models that take a seed; absent, the server draws one and stores it. */
    seed: seedSchema.optional(),
  })
  .strict()
  .transform(withReferenceList);
export type GenerateImageRequest = z.input<typeof generateImageRequestSchema>;

/**
 * One prompt on 2–4 models. No seed: each seeded model gets its own drawn seed, stored on its
 * generation, so any result can be reproduced or varied on its own through `generateImage`.
 */
export const generateComparisonRequestSchema = z
  .object({
    requestId: requestIdSchema,
    models: z
      .array(z.string().min(1).max(64))
      .min(LIMITS.minCompareModels)
      .max(LIMITS.maxCompareModels)
      .refine((ids) => new Set(ids).size === ids.length, 'each model at most once'),
    prompt: promptTextSchema,
    ...referenceFields,
    aspectRatio: z.enum(ASPECT_RATIOS).default('1:1'),
    resolution: z.enum(RESOLUTIONS).default('1k'),
  })
  .strict()
  .transform(withReferenceList);
export type GenerateComparisonRequest = z.input<typeof generateComparisonRequestSchema>;

export const deleteGenerationRequestSchema = z
  .object({
    generationId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export type DeleteGenerationRequest = z.input<typeof deleteGenerationRequestSchema>;

/**
 * What a generation callable answers. Clients follow `status` on the generation document
 * (`users/{uid}/generations/{generationId}`); the answer mirrors it at return time.
 */
export const generationResultSchema = z.object({
  generationId: z.string(),
  model: z.string(),
  status: z.enum(GENERATION_STATUSES),
  cost: z.number().int().nonnegative(),
  /** True when this answer is a replay of an earlier call with the same request id. */
  replayed: z.boolean(),
  resultPrompts: z.array(z.string()).optional(),
  negativePrompt: z.string().optional(),
  imagePaths: z.array(z.string()).optional(),
  /** The thumbnails of `imagePaths`, in the same order (for lists; full images on detail). */
  thumbnailPaths: z.array(z.string()).optional(),
  /** The seed the provider ran with (seeded models only): Reproduce sends it back. */
  seed: z.number().int().optional(),
  failureCode: z.string().optional(),
  failureReason: z.string().optional(),
});
export type GenerationResult = z.infer<typeof generationResultSchema>;

export const describeImageResponseSchema = generationResultSchema;
export type DescribeImageResponse = GenerationResult;
export const generateImageResponseSchema = generationResultSchema;
export type GenerateImageResponse = GenerationResult;

export const generateComparisonResponseSchema = z.object({
  comparisonId: z.string(),
  results: z.array(generationResultSchema),
});
export type GenerateComparisonResponse = z.infer<typeof generateComparisonResponseSchema>;

export const deleteGenerationResponseSchema = z.object({
  deleted: z.boolean(),
  imagesDeleted: z.number().int().nonnegative(),
});
export type DeleteGenerationResponse = z.infer<typeof deleteGenerationResponseSchema>;
