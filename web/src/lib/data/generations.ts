/** `users/{uid}/generations`: History pages, one item, live status, and the favorite flag. */
import type { QueryConstraint } from 'firebase/firestore';
import {
  COLLECTIONS,
  firestoreConverter,
  generationDocSchema,
  paths,
  type GenerationDoc,
} from '@mimicit/shared';
import { withTimeout } from './timeout';
import { loadFirestore, webConverter, PAGE_SIZE, type Page, type WithId, watchDocument } from './firestore';

export type GenerationItem = WithId<GenerationDoc>;

/** The History filters; each combination has a composite index in firestore.indexes.json. */
export interface GenerationFilter {
  favoritesOnly?: boolean;
  /** One lower-case word of the prompt or model (`searchTokens array-contains`). */
  word?: string;
  model?: string;
}

const converter = webConverter(firestoreConverter(generationDocSchema));

/** Newest first, `PAGE_SIZE` at a time, after `cursor` (from the previous page). */
export async function fetchGenerationsPage(
  uid: string,
  filter: GenerationFilter,
  cursor?: unknown,
): Promise<Page<GenerationItem>> {
  const { fs, db } = await loadFirestore();
  const constraints: QueryConstraint[] = [];
  if (filter.favoritesOnly) constraints.push(fs.where('favorite', '==', true));
  if (filter.word) constraints.push(fs.where('searchTokens', 'array-contains', filter.word.toLowerCase()));
  if (filter.model) constraints.push(fs.where('model', '==', filter.model));
  constraints.push(fs.orderBy('createdAt', 'desc'));
  if (cursor) constraints.push(fs.startAfter(cursor));
  constraints.push(fs.limit(PAGE_SIZE));
  const col = fs.collection(db, paths.user(uid), COLLECTIONS.generations).withConverter(converter);
  // From the server only: an unreachable backend must be an error, not an empty cache.
  const snap = await withTimeout(fs.getDocsFromServer(fs.query(col, ...constraints)));
  const items = snap.docs.map((d) => ({ ...d.data(), id: d.id }));
  const last = snap.docs[snap.docs.length - 1];
  return { items, cursor: snap.docs.length === PAGE_SIZE ? last : null };
}

/** One generation, or null when it does not exist. */
export async function fetchGeneration(uid: string, id: string): Promise<GenerationItem | null> {
  const { fs, db } = await loadFirestore();
  const ref = fs.doc(db, paths.generation(uid, id)).withConverter(converter);
  const snap = await withTimeout(fs.getDocFromServer(ref));
  return snap.exists() ? { ...snap.data(), id: snap.id } : null;
}

/** Follows one generation's live status while the provider works. */
export function watchGeneration(
  uid: string,
  id: string,
  onData: (item: GenerationItem) => void,
  onError: (err: unknown) => void,
): () => void {
  // A generation that does not exist (yet) has no status to show: wait for it.
  return watchDocument(paths.generation(uid, id), converter, (item) => item && onData(item), onError);
}

/** The one field of a generation the owner may change. */
export async function setFavorite(uid: string, id: string, favorite: boolean): Promise<void> {
  const { fs, db } = await loadFirestore();
  await withTimeout(fs.updateDoc(fs.doc(db, paths.generation(uid, id)), { favorite }));
}
