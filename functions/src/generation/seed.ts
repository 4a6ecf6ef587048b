/**
 * Seeds for the models that take one (`seed` in the catalog): the person's own, or one the server
 * draws. Either way it is stored on the generation and sent to the provider, so "Reproduce"
 * (the same seed and settings) and "Vary" (a new seed) work on every seeded result.
 */
import { randomInt } from 'node:crypto';
import { SEED_MAX, type ModelInfo } from '@mimicit/shared';

/** The seed a generation of `model` runs with; none for models without seed support. */
export function seedFor(model: Pick<ModelInfo, 'seed'>, requested?: number): number | undefined {
  if (!model.seed) return undefined;
  return requested ?? randomInt(0, SEED_MAX + 1);
}
