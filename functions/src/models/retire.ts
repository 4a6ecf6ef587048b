/**
 * Marks a model unavailable the moment its provider says it is gone, so the next person sees it
 * greyed out instead of being charged, failed and refunded again. The mark names the provider
 * model it was recorded for: an operator who re-points the model (or deletes the mark) lifts it.
 */
import * as logger from 'firebase-functions/logger';
import { collections, type ModelInfo, type ModelStatusDoc } from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import { DomainError } from '../lib/errors.js';
import { invalidateCatalog } from '../catalog/effective.js';

/** Records that `providerModel` of `model` is gone. */
export async function markRetired(
  deps: Pick<Deps, 'store' | 'clock'>,
  model: Pick<ModelInfo, 'id'>,
  providerModel: string,
  detectedBy: ModelStatusDoc['detectedBy'],
  detail: string,
): Promise<void> {
  const doc: ModelStatusDoc = {
    state: 'retired',
    providerModel,
    detectedBy,
    detail: detail.slice(0, 300),
    at: deps.clock.now(),
  };
  await deps.store.batch([{ kind: 'set', path: collections.modelStatus.doc(model.id), data: { ...doc } }]);
  invalidateCatalog(deps.store);
  logger.error('models.retired', { model: model.id, providerModel, detectedBy });
}

/**
 * Runs one provider call; a "model not found / retired" answer marks the model before the error
 * goes on to the pipeline (which fails the generation and refunds it).
 */
export async function watchRetirement<T>(
  deps: Pick<Deps, 'store' | 'clock'>,
  model: ModelInfo,
  providerModel: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof DomainError && err.reason === 'model-unavailable') {
      await markRetired(deps, model, providerModel, 'call', 'the provider answered "not found"').catch(
        (e: unknown) => logger.warn('models.markFailed', { model: model.id, error: String(e).slice(0, 200) }),
      );
    }
    throw err;
  }
}
