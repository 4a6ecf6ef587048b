/**
 * The model catalog's vocabulary and the code default: one source of truth for functions, web
 * and extension. The code catalog (`MODELS`, in `models.ts`) is the default; in production an
 * operator's runtime overrides and the retirement watch produce the effective catalog
 * (`runtime-catalog.ts`), which `getCatalog` serves and every callable prices from.
 */
export const PROVIDERS = ['google', 'openai', 'fal', 'local'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Providers reached over the network with a key; an operator may add models of these only. */
export const REMOTE_PROVIDERS = ['google', 'openai', 'fal'] as const;
export type RemoteProvider = (typeof REMOTE_PROVIDERS)[number];

export const CAPABILITIES = ['describe', 'text-to-image', 'image-to-image'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ASPECT_RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const RESOLUTIONS = ['1k', '2k', '4k'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * What a reference image is for, where the model's catalog entry says `referenceRoles`: the
 * subject to keep, the scene to place it in, the style to render it in. Without a role a
 * reference is a plain one (the model decides what to take from it).
 */
export const REFERENCE_ROLES = ['subject', 'scene', 'style'] as const;
export type ReferenceRole = (typeof REFERENCE_ROLES)[number];

/**
 * Seeds a request may carry: 0 … 2^31−1, inside every seeded provider's documented range (fal's
 * FLUX.2 endpoints take any integer; BFL's own API 0 … 2^64−1) and exact in every JSON parser.
 */
export const SEED_MAX = 2 ** 31 - 1;

/** A seed field as typed: empty (the server draws one), a whole number 0 … `SEED_MAX`, or not a seed. */
export function parseSeed(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const n = Number(trimmed);
  return n <= SEED_MAX ? n : 'invalid';
}

/**
 * Why a model is listed but cannot be used right now: switched off by an operator, retired by
 * its provider, or its provider's key is not set in this environment (`not-configured`).
 */
export const UNAVAILABLE_REASONS = ['disabled', 'retired', 'not-configured'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export interface ModelInfo {
  /** Our id, stable across provider renames; what clients send. */
  id: string;
  /** The provider's model / endpoint name (for text-only requests where two endpoints exist). */
  providerModel: string;
  /** The provider's endpoint for requests with reference images, where it differs (fal FLUX.2 edit). */
  providerModelEdit?: string;
  provider: Provider;
  label: string;
  kind: 'prompt' | 'image';
  capabilities: readonly Capability[];
  aspectRatios: readonly AspectRatio[];
  resolutions: readonly Resolution[];
  /** Most images one request may ask for. */
  maxImages: number;
  /** Most reference images one request may carry (0: text only). */
  maxReferences: number;
  /** Whether references can be given roles (subject, scene, style) in the prompt. */
  referenceRoles: boolean;
  /** Whether the provider takes a seed (reproducible results). */
  seed: boolean;
  /** Largest source / reference image the provider accepts, after our normalisation. */
  maxReferenceBytes: number;
  /** Longest side we resize a source / reference image to before sending it. */
  maxReferenceSide: number;
  /** Credits per describe call (prompt models) or per image at the smallest resolution. */
  cost: number;
  /** Credits per image at each offered resolution, where it differs from `cost`. */
  resolutionCosts?: Partial<Record<Resolution, number>>;
  /** The provider's page this entry was checked against (model page, API reference). */
  source?: string;
  /** Only offered on the emulators and in tests; never in a production deploy. */
  previewOnly?: boolean;
}

/** A catalog entry as served: usable or greyed out with a reason. */
export interface CatalogModel extends ModelInfo {
  available: boolean;
  unavailableReason?: UnavailableReason;
}

/** The provider endpoint a request uses: the edit endpoint when it carries references. */
export function endpointOf(model: ModelInfo, withReference: boolean): string {
  return withReference && model.providerModelEdit ? model.providerModelEdit : model.providerModel;
}

export function supports(model: ModelInfo, capability: Capability): boolean {
  return model.capabilities.includes(capability);
}

const MB = 1024 * 1024;

/** Limits shared by validation on both sides. */
export const LIMITS = {
  maxPromptLength: 4000,
  maxInlineImageBytes: 10 * MB,
  maxSourcePixels: 50_000_000,
  maxVariants: 4,
  minCompareModels: 2,
  maxCompareModels: 4,
  /**
   * Most references any request may carry (the largest `maxReferences` in the catalog, GPT
   * Image 2's 16); each model's own limit is checked on the server with a precise reason.
   */
  maxReferences: 16,
  maxConcurrentPending: 4,
  maxRequestsPerMinute: 20,
} as const;

export { MODELS, availableModels, findModel } from './models.js';
