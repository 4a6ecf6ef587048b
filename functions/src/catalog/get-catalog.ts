import { onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { CREDIT_PACKS, availableModels, type GetCatalogResponse } from '@mimicit/shared';
import { getCatalogRequestSchema } from '@mimicit/shared';
import { allowPreviewModel } from '../lib/env.js';
import { parseInput, requireUid } from '../lib/errors.js';

/** Returns the model catalog and credit packs offered in this environment. */
export async function handleGetCatalog(request: CallableRequest<unknown>): Promise<GetCatalogResponse> {
  requireUid(request.auth);
  parseInput(getCatalogRequestSchema, request.data ?? undefined);
  return {
    models: availableModels(allowPreviewModel()).map((m) => ({
      ...m,
      capabilities: [...m.capabilities],
      aspectRatios: [...m.aspectRatios],
      resolutions: [...m.resolutions],
    })),
    packs: CREDIT_PACKS.map((p) => ({ ...p, prices: { ...p.prices }, label: { ...p.label } })),
  };
}

export const getCatalog = onCall({ cors: true }, handleGetCatalog);
