import { CREDIT_PACKS, getCatalogRequestSchema, type GetCatalogResponse } from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { loadCatalog } from './effective.js';
import { secretsFor } from '../generation/providers/table.js';

/**
 * Returns the effective model catalog (code default + operator overrides + retirement marks;
 * unusable models stay listed, greyed out with their reason) and the credit packs.
 */
export const handleGetCatalog = callableHandler(
  'getCatalog',
  getCatalogRequestSchema,
  async ({ deps }): Promise<GetCatalogResponse> => ({
    models: (await loadCatalog(deps)).map((m) => ({
      ...m,
      capabilities: [...m.capabilities],
      aspectRatios: [...m.aspectRatios],
      resolutions: [...m.resolutions],
    })),
    packs: CREDIT_PACKS.map((p) => ({ ...p, prices: { ...p.prices }, label: { ...p.label } })),
  }),
);

/**
 * Binds every provider's secret only to see which are set (models of a provider without a key
 * are served greyed out as `not-configured`); the values are never read here.
 */
export const getCatalog = defineCallable({ secrets: secretsFor('describe', 'image') }, handleGetCatalog);
