import { httpsCallable } from 'firebase/functions';
import { CALLABLES, getCatalogResponseSchema, type GetCatalogResponse } from '@mimicit/shared';
import { functions } from './firebase';

/** Loads the model catalog and credit packs from the server. */
export async function fetchCatalog(): Promise<GetCatalogResponse> {
  const call = httpsCallable(functions, CALLABLES.getCatalog);
  const result = await call({});
  return getCatalogResponseSchema.parse(result.data);
}
