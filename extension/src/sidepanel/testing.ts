/** Test helpers for the side panel's component tests (never imported by the panel itself). */
import { servedModels, type ServedModel } from '@mimicit/shared/testing';

/** A catalog entry as the panel's catalog store holds it (what getCatalog answers). */
export type CatalogEntry = ServedModel;

/** The whole model table as getCatalog answers it, every model available. */
export const catalogModels = (): CatalogEntry[] => servedModels();
