/**
 * Every image of a request (a describe source, or an image request's references) through the
 * one intake: inline data URL or SSRF-safe fetch, then normalisation for each model's limits.
 * References load in parallel, at most {@link REFERENCE_INTAKE_CONCURRENCY} at a time; each is
 * downloaded once and normalised once per distinct model limit. The bytes live in memory for the
 * length of one request and are never written anywhere.
 */
import type { ImageSource, ModelInfo, ReferenceRole } from '@mimicit/shared';
import { mapLimit } from '../../lib/concurrency.js';
import { DomainError } from '../../lib/errors.js';
import { readSourceBytes, type IntakeOptions } from './load-source.js';
import { normalizeImage, type NormalizedImage } from './normalize.js';

/**
 * References fetched and normalised at once. Each one may hold a 10 MB download and a decoder
 * bounded by `LIMITS.maxSourcePixels`; four keep a 1 GiB function well clear of its memory
 * while a request of 4 references (the common maximum) still loads in one round.
 */
export const REFERENCE_INTAKE_CONCURRENCY = 4;

/** A normalised reference and the role the request gave it. */
export type ReferenceImage = NormalizedImage & { role?: ReferenceRole };

/** Normalised references per model id, in request order. */
export type ReferencesByModel = ReadonlyMap<string, readonly ReferenceImage[]>;

type Limits = Pick<ModelInfo, 'maxReferenceSide' | 'maxReferenceBytes'>;
const limitKey = (m: Limits) => `${m.maxReferenceSide}/${m.maxReferenceBytes}`;

/**
 * Loads `references` for each of `models`. The first reference that cannot be used rejects the
 * whole call with its precise reason (naming which reference, when there are several), before
 * the caller reserves anything.
 */
export async function loadReferences(
  references: readonly { source: ImageSource; role?: ReferenceRole }[],
  models: readonly (Limits & { id: string })[],
  options: IntakeOptions,
): Promise<ReferencesByModel> {
  const distinct = [...new Map(models.map((m) => [limitKey(m), m])).values()];
  const loaded = await mapLimit(references, REFERENCE_INTAKE_CONCURRENCY, async (ref, i) => {
    try {
      const raw = await readSourceBytes(ref.source, options);
      const byLimit = new Map<string, ReferenceImage>();
      for (const m of distinct) {
        const image = await normalizeImage(raw, {
          maxSide: m.maxReferenceSide,
          maxBytes: m.maxReferenceBytes || undefined,
        });
        byLimit.set(limitKey(m), ref.role ? { ...image, role: ref.role } : image);
      }
      return byLimit;
    } catch (err) {
      throw references.length > 1 ? naming(err, i) : err;
    }
  });
  return new Map(models.map((m) => [m.id, loaded.map((byLimit) => byLimit.get(limitKey(m))!)]));
}

/** The same refusal, saying which reference it was about (`details.reference`, 0-based). */
function naming(err: unknown, index: number): unknown {
  if (!(err instanceof DomainError)) return err;
  return new DomainError(err.code, err.reason, `Reference image ${index + 1}: ${err.message}`, {
    ...err.extra,
    reference: index,
  });
}
