/**
 * The code catalog: the default the runtime catalog starts from. Every production entry names
 * the provider page it was checked against (`source`) in December 2026; README "Models" lists
 * where sources disagreed and which id was chosen. Reference-image limits are the lowest figure
 * any source gave where the provider's own page did not say.
 */
import type { AspectRatio, ModelInfo } from './catalog.js';

const MB = 1024 * 1024;
const ALL_RATIOS: readonly AspectRatio[] = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9'];
const COMMON_RATIOS: readonly AspectRatio[] = ['1:1', '4:3', '3:4', '16:9', '9:16'];

export const MODELS: readonly ModelInfo[] = [
  // Gemini API deprecations page (checked 2026-12-01): GA since 2026-07-21, "No shutdown date
  // announced". 3.7 Flash is deprecated and routed to 3.8; 3.6 is not.
  {
    id: 'gemini-flash-vision',
    providerModel: 'gemini-3.6-flash',
    provider: 'google',
    label: 'Gemini 3.6 Flash',
    kind: 'prompt',
    capabilities: ['describe'],
    aspectRatios: [],
    resolutions: [],
    maxImages: 0,
    maxReferences: 0,
    referenceRoles: false,
    seed: false,
    maxReferenceBytes: 7 * MB,
    maxReferenceSide: 1536,
    cost: 1,
    source: 'https://ai.google.dev/gemini-api/docs/models/gemini-3.6-flash',
  },
  // OpenAI's pages, checked 2026-12-01: the deprecations page names `gpt-6.1-terra` as
  // `gpt-5-mini`'s replacement (earlier versions named `gpt-5.6-terra`); the models page now
  // lists GPT-6.1 Terra, not GPT-5.6 Terra, among its flagship models; its model page gives one
  // snapshot, text and image input, Chat Completions and JSON output (what `describe` uses). No
  // OpenAI page announces a shutdown for either Terra, and GA models get at least 6 months'
  // notice, but 5.6 is the superseded one, so the next deprecation is likelier to hit it.
  {
    id: 'gpt-vision',
    providerModel: 'gpt-6.1-terra',
    provider: 'openai',
    label: 'GPT-6.1 Terra',
    kind: 'prompt',
    capabilities: ['describe'],
    aspectRatios: [],
    resolutions: [],
    maxImages: 0,
    maxReferences: 0,
    referenceRoles: false,
    seed: false,
    maxReferenceBytes: 20 * MB,
    maxReferenceSide: 2048,
    cost: 1,
    source: 'https://developers.openai.com/api/docs/models/gpt-6.1-terra',
  },
  // Gemini API deprecations page: both image models GA since 2026-05-28, "No shutdown date
  // announced" (their -preview ids shut down 2026-06-25).
  {
    id: 'gemini-image',
    providerModel: 'gemini-3.1-flash-image',
    provider: 'google',
    label: 'Nano Banana 2 (Gemini 3.1 Flash Image)',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ALL_RATIOS,
    resolutions: ['1k', '2k', '4k'],
    maxImages: 1,
    maxReferences: 4,
    referenceRoles: true,
    seed: false,
    maxReferenceBytes: 7 * MB,
    maxReferenceSide: 1536,
    cost: 3,
    resolutionCosts: { '2k': 5, '4k': 8 },
    source: 'https://ai.google.dev/gemini-api/docs/models',
  },
  {
    id: 'gemini-image-pro',
    providerModel: 'gemini-3-pro-image',
    provider: 'google',
    label: 'Nano Banana Pro (Gemini 3 Pro Image)',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ALL_RATIOS,
    resolutions: ['1k', '2k', '4k'],
    maxImages: 1,
    maxReferences: 4,
    referenceRoles: true,
    seed: false,
    maxReferenceBytes: 7 * MB,
    maxReferenceSide: 2048,
    cost: 6,
    resolutionCosts: { '4k': 10 },
    source: 'https://ai.google.dev/gemini-api/docs/models',
  },
  // OpenAI model page: default snapshot gpt-image-2-2026-04-21. Not on the deprecations page
  // (which retires gpt-image-1.x and chatgpt-image-latest on 2026-12-01 in favour of
  // gpt-image-2.6-*); image models get at least 3 months' notice, and the retirement watch reports
  // the `shutdown_date` OpenAI's models.list gives as soon as one is set.
  {
    id: 'gpt-image',
    providerModel: 'gpt-image-2',
    provider: 'openai',
    label: 'GPT Image 2',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ALL_RATIOS,
    resolutions: ['1k', '2k'],
    maxImages: 4,
    maxReferences: 16,
    referenceRoles: true,
    seed: false,
    maxReferenceBytes: 25 * MB,
    maxReferenceSide: 2048,
    cost: 6,
    resolutionCosts: { '2k': 10 },
    source: 'https://developers.openai.com/api/docs/models/gpt-image-2',
  },
  {
    id: 'flux-2',
    providerModel: 'fal-ai/flux-2-pro',
    providerModelEdit: 'fal-ai/flux-2-pro/edit',
    provider: 'fal',
    label: 'FLUX.2 [pro]',
    kind: 'image',
    capabilities: ['text-to-image', 'image-to-image'],
    aspectRatios: ALL_RATIOS,
    resolutions: ['1k', '2k'],
    maxImages: 1,
    maxReferences: 4,
    referenceRoles: true,
    seed: true,
    maxReferenceBytes: 10 * MB,
    maxReferenceSide: 2048,
    cost: 3,
    resolutionCosts: { '2k': 5 },
    source: 'https://fal.ai/models/fal-ai/flux-2-pro/edit/llms.txt',
  },
  {
    id: 'local-preview',
    providerModel: 'local-preview',
    provider: 'local',
    label: 'Local preview (no AI)',
    kind: 'image',
    capabilities: ['describe', 'text-to-image', 'image-to-image'],
    aspectRatios: COMMON_RATIOS,
    // 2K too, so a journey can choose a resolution and see its own price, as with the real models.
    resolutions: ['1k', '2k'],
    maxImages: 2,
    maxReferences: 4,
    // Composes its references side by side, each labelled with its role, so journeys see roles.
    referenceRoles: true,
    seed: true,
    maxReferenceBytes: 10 * MB,
    maxReferenceSide: 1024,
    cost: 1,
    resolutionCosts: { '2k': 2 },
    previewOnly: true,
  },
];

/** Code-catalog models offered in this environment: the preview model only where `allowPreview`. */
export function availableModels(allowPreview: boolean): ModelInfo[] {
  return MODELS.filter((m) => allowPreview || !m.previewOnly);
}

export function findModel(id: string, allowPreview: boolean): ModelInfo | undefined {
  return availableModels(allowPreview).find((m) => m.id === id);
}
