/** Test helpers for the side panel's component tests (never imported by the panel itself). */
import { MODELS, type GetCatalogResponse } from '@mimicit/shared';

/** A catalog entry as the panel's catalog store holds it (what getCatalog answers). */
export type CatalogEntry = GetCatalogResponse['models'][number];

/** The whole model table as getCatalog answers it, every model available. */
export function catalogModels(): CatalogEntry[] {
  return MODELS.map((m) => ({
    ...m,
    capabilities: [...m.capabilities],
    aspectRatios: [...m.aspectRatios],
    resolutions: [...m.resolutions],
    available: true,
  }));
}
