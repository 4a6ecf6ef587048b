/**
 * Test support for the web app's and the side panel's tests (exported as `@mimicit/shared/testing`,
 * never imported by production code): the code catalog as `getCatalog` serves it.
 */
import { MODELS } from '../src/models.js';
import type { GetCatalogResponse } from '../src/index.js';

/** A model as `getCatalog` serves it (what the clients' catalog stores hold). */
export type ServedModel = GetCatalogResponse['models'][number];

/**
 * The code catalog as `getCatalog` serves it: every model usable, unless `changes` says
 * otherwise (e.g. `{ 'gpt-image': { available: false, unavailableReason: 'retired' } }`).
 * Arrays are copied, as the wire gives each client its own mutable ones.
 */
export function servedModels(changes: Record<string, Partial<ServedModel>> = {}): ServedModel[] {
  return MODELS.map((m) => ({
    ...m,
    capabilities: [...m.capabilities],
    aspectRatios: [...m.aspectRatios],
    resolutions: [...m.resolutions],
    available: true,
    ...changes[m.id],
  }));
}
