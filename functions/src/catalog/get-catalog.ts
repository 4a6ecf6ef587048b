import {
  CREDIT_PACKS,
  availableModels,
  getCatalogRequestSchema,
  type GetCatalogResponse,
} from '@mimicit/shared';
import { allowPreviewModel } from '../lib/env.js';
import { callableHandler, defineCallable } from '../lib/callable.js';

/** Returns the model catalog and credit packs offered in this environment. */
export const handleGetCatalog = callableHandler(
  'getCatalog',
  getCatalogRequestSchema,
  async (): Promise<GetCatalogResponse> => ({
    models: availableModels(allowPreviewModel()).map((m) => ({
      ...m,
      capabilities: [...m.capabilities],
      aspectRatios: [...m.aspectRatios],
      resolutions: [...m.resolutions],
    })),
    packs: CREDIT_PACKS.map((p) => ({ ...p, prices: { ...p.prices }, label: { ...p.label } })),
  }),
);

export const getCatalog = defineCallable({}, handleGetCatalog);
