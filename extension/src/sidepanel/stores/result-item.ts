/**
 * A generation as the panel shows it, from a callable answer or from its document: what Recent
 * results draws (thumbnails first, full images only on open or download), and what Reproduce
 * and Vary need (prompt, settings, seed, how many references it had).
 */
import type { WithId } from '@mimicit/client-data';
import type {
  AspectRatio,
  GenerationDoc,
  GenerationResult,
  ImageReference,
  Resolution,
  StoredReferenceRole,
} from '@mimicit/shared';

export interface ResultImageRef {
  /** The stored image (download, open, use as a reference). */
  path: string;
  /** Its small WebP thumbnail, absent on images saved before thumbnails. */
  thumb?: string;
}

export interface ResultItem {
  id: string;
  kind: 'prompt' | 'image';
  status: 'pending' | 'succeeded' | 'failed';
  model: string;
  prompts: string[];
  images: ResultImageRef[];
  favorite: boolean;
  /** The failure's reason code (an error reason, or `internal`): the panel translates it. */
  failure?: string;
  /** Image generations: the person's prompt and settings, for Reproduce and Vary. */
  prompt?: string;
  aspectRatio?: AspectRatio;
  resolution?: Resolution;
  /** The seed the provider ran with (seeded models only). */
  seed?: number;
  /** One entry per reference image it was made with (`plain` where no role). */
  referenceRoles: StoredReferenceRole[];
}

/** What an image request was, as sent (references resolved to what the server got). */
export interface ImageRequest {
  model: string;
  prompt: string;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  references: ImageReference[];
  seed?: number;
}

/** The fields the panel shows of a (schema-validated) generation document. */
export function toResultItem(doc: WithId<GenerationDoc>): ResultItem {
  return {
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    model: doc.model,
    prompts: doc.resultPrompts ?? [],
    images: (doc.images ?? []).map((i) => ({ path: i.path, thumb: i.thumbnail?.path })),
    favorite: doc.favorite,
    failure: doc.failureCode,
    prompt: doc.prompt,
    aspectRatio: doc.settings.aspectRatio,
    resolution: doc.settings.resolution,
    seed: doc.settings.seed,
    referenceRoles: doc.settings.referenceRoles ?? [],
  };
}

/** A callable's answer, completed with the request it answers (the answer carries no settings). */
export function fromAnswer(
  kind: ResultItem['kind'],
  r: GenerationResult,
  request?: ImageRequest,
): ResultItem {
  const paths = r.imagePaths ?? [];
  return {
    id: r.generationId,
    kind,
    status: r.status,
    model: r.model,
    prompts: r.resultPrompts ?? [],
    images: paths.map((path, n) => ({ path, thumb: r.thumbnailPaths?.[n] })),
    favorite: false,
    failure: r.failureCode,
    prompt: request?.prompt,
    aspectRatio: request?.aspectRatio,
    resolution: request?.resolution,
    seed: r.seed,
    referenceRoles: (request?.references ?? []).map((ref) => ref.role ?? 'plain'),
  };
}
