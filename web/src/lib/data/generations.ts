/** `users/{uid}/generations`: History pages, one item, live status, and the favorite flag. */
import type { ClientQuery } from '@mimicit/client-data';
import { collections, type GenerationDoc } from '@mimicit/shared';
import { PAGE_SIZE, type Page, type WithId, watchDocument } from './firestore';
import { dataPort } from './port';

export type GenerationItem = WithId<GenerationDoc>;

/** The History filters; each combination has a composite index in firestore.indexes.json. */
export interface GenerationFilter {
  favoritesOnly?: boolean;
  /** One lower-case word of the prompt or model (`searchTokens array-contains`). */
  word?: string;
  model?: string;
}

/** Newest first, `PAGE_SIZE` at a time, after `cursor` (from the previous page). */
export async function fetchGenerationsPage(
  uid: string,
  filter: GenerationFilter,
  cursor?: unknown,
): Promise<Page<GenerationItem>> {
  const where: NonNullable<ClientQuery<GenerationDoc>['where']>[number][] = [];
  if (filter.favoritesOnly) where.push(['favorite', '==', true]);
  if (filter.word) where.push(['searchTokens', 'array-contains', filter.word.toLowerCase()]);
  if (filter.model) where.push(['model', '==', filter.model]);
  const query: ClientQuery<GenerationDoc> = {
    collection: collections.generations.in(uid),
    where,
    orderBy: ['createdAt', 'desc'],
    limit: PAGE_SIZE,
  };
  return (await dataPort()).queryPage(query, cursor || undefined);
}

/** One generation, or null when it does not exist. */
export async function fetchGeneration(uid: string, id: string): Promise<GenerationItem | null> {
  return (await dataPort()).getDoc(collections.generations.doc(uid, id));
}

/** Follows one generation's live status while the provider works. */
export function watchGeneration(
  uid: string,
  id: string,
  onData: (item: GenerationItem) => void,
  onError: (err: unknown) => void,
): () => void {
  // A generation that does not exist (yet) has no status to show: wait for it.
  return watchDocument(collections.generations.doc(uid, id), (item) => item && onData(item), onError);
}

/** The one field of a generation the owner may change. */
export async function setFavorite(uid: string, id: string, favorite: boolean): Promise<void> {
  await (await dataPort()).update(collections.generations.doc(uid, id), { favorite });
}
