/**
 * The model catalog: one source of truth for functions, web and extension.
 * Model names follow the providers' documentation (Google Gemini API, OpenAI, fal).
 */
export const PROVIDERS = ['google', 'openai', 'fal', 'local'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const CAPABILITIES = ['describe', 'text-to-image', 'image-to-image'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ASPECT_RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const RESOLUTIONS = ['1k', '2k', '4k'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface ModelInfo {
  /** Our id, stable across provider renames; what clients send. */
  id: string;
  /** The provider's model / endpoint name. */
  providerModel: string;
  provider: Provider;
  label: string;
  kind: 'prompt' | 'image';
  capabilities: readonly Capability[];
  aspectRatios: readonly AspectRatio[];
  resolutions: readonly Resolution[];
  /** Most images one request may ask for. */
  maxImages: number;
  /** Largest source / reference image the provider accepts, after our normalisation. */
  maxReferenceBytes: number;
  /** Longest side we resize a source / reference image to before sending it. */
  maxReferenceSide: number;
  /** Credits per describe call (prompt models) or per image (image models). */
  cost: number;
  /** Only offered on the emulators and in tests; never in a production deploy. */
  previewOnly?: boolean;
}

const MB = 1024 * 1024;
const COMMON_RATIOS: readonly AspectRatio[] = ['1:1', '4:3', '3:4', '16:9', '9:16'];

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'gemini-flash-vision',
    providerModel: 'gemini-2.5-flash',
    provider: 'google',
    label: 'Gemini 2.5 Flash',
    kind: 'prompt',
    capabilities: ['describe'],
    aspectRatios: [],
    resolutions: [],
    maxImages: 0,
    maxReferenceBytes: 7 * MB,
    maxReferenceSide: 1536,
    cost: 1,
  },
  {
    id: 'gpt-vision',
    providerModel: 'gpt-5-mini',
    provider: 'openai',
    label: 'GPT-5 mini',
    kind: 'prompt',
    capabilities: ['describe'],
    aspectRatios: [],
    resolutions: [],
    maxImages: 0,
    maxReferenceBytes: 20 * MB,
    maxReferenceSide: 2048,
    cost: 1,
  },
  {
    id: 'gemini-image',
    providerModel: 'gemini-2.5-flash-image',
    provider: 'google',
    label: 'Gemini 2.5 Flash Image',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ['1:1', '2:3', '3:2', '3:4', '4:3', '9:16', '16:9', '21:9'],
    resolutions: ['1k'],
    maxImages: 1,
    maxReferenceBytes: 7 * MB,
    maxReferenceSide: 1536,
    cost: 4,
  },
  {
    id: 'imagen-4',
    providerModel: 'imagen-4.0-generate-001',
    provider: 'google',
    label: 'Imagen 4',
    kind: 'image',
    capabilities: ['text-to-image'],
    aspectRatios: COMMON_RATIOS,
    resolutions: ['1k', '2k'],
    maxImages: 4,
    maxReferenceBytes: 0,
    maxReferenceSide: 0,
    cost: 4,
  },
  {
    id: 'gpt-image',
    providerModel: 'gpt-image-1',
    provider: 'openai',
    label: 'GPT Image 1',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ['1:1', '3:2', '2:3'],
    resolutions: ['1k'],
    maxImages: 4,
    maxReferenceBytes: 25 * MB,
    maxReferenceSide: 2048,
    cost: 6,
  },
  {
    id: 'flux-dev',
    providerModel: 'fal-ai/flux/dev',
    provider: 'fal',
    label: 'FLUX.1 [dev]',
    kind: 'image',
    capabilities: ['text-to-image'],
    aspectRatios: COMMON_RATIOS,
    resolutions: ['1k'],
    maxImages: 4,
    maxReferenceBytes: 0,
    maxReferenceSide: 0,
    cost: 3,
  },
  {
    id: 'flux-kontext',
    providerModel: 'fal-ai/flux-pro/kontext',
    provider: 'fal',
    label: 'FLUX.1 Kontext [pro]',
    kind: 'image',
    capabilities: ['image-to-image'],
    aspectRatios: ['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16'],
    resolutions: ['1k'],
    maxImages: 4,
    maxReferenceBytes: 10 * MB,
    maxReferenceSide: 2048,
    cost: 5,
  },
  {
    id: 'local-preview',
    providerModel: 'local-preview',
    provider: 'local',
    label: 'Local preview (no AI)',
    kind: 'image',
    capabilities: ['describe', 'text-to-image', 'image-to-image'],
    aspectRatios: COMMON_RATIOS,
    resolutions: ['1k'],
    maxImages: 2,
    maxReferenceBytes: 10 * MB,
    maxReferenceSide: 1024,
    cost: 1,
    previewOnly: true,
  },
];

/** Models offered in this environment: the preview model only where `allowPreview`. */
export function availableModels(allowPreview: boolean): ModelInfo[] {
  return MODELS.filter((m) => allowPreview || !m.previewOnly);
}

export function findModel(id: string, allowPreview: boolean): ModelInfo | undefined {
  return availableModels(allowPreview).find((m) => m.id === id);
}

export function supports(model: ModelInfo, capability: Capability): boolean {
  return model.capabilities.includes(capability);
}

/** Limits shared by validation on both sides. */
export const LIMITS = {
  maxPromptLength: 4000,
  maxInlineImageBytes: 10 * MB,
  maxSourcePixels: 50_000_000,
  maxVariants: 4,
  minCompareModels: 2,
  maxCompareModels: 4,
  maxConcurrentPending: 4,
  maxRequestsPerMinute: 20,
} as const;
