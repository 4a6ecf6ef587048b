/**
 * Shared pieces of the data modules: the page shape, the page size, and following one document
 * live through the client data port (Firestore or local mode, see `port.ts`).
 */
import type { DocPath } from '@mimicit/shared';
import type { WithId } from '@mimicit/client-data';
import { dataPort } from './port';

export type { WithId };

/** A page of items plus the opaque cursor for the next page (null at the end). */
export interface Page<T> {
  items: T[];
  cursor: unknown;
}

export const PAGE_SIZE = 20;

/**
 * Follows one document live. `onData` gets the validated data with its id, or null once the
 * server says the document does not exist; when the server cannot be reached, `onError` gets
 * `unavailable` instead, so "unreachable" never looks like "missing".
 */
export function watchDocument<T>(
  path: DocPath<T, unknown>,
  onData: (item: WithId<T> | null) => void,
  onError: (err: unknown) => void,
): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  dataPort()
    .then((port) => {
      if (!cancelled) stop = port.watchDoc(path, onData, onError);
    })
    .catch(onError);
  return () => {
    cancelled = true;
    stop?.();
  };
}
