/**
 * Bulk writes over query results: read a page, write it with {@link Store.bulkWrite} (BulkWriter
 * on Firestore: small non-atomic batches, transient errors retried). Never one big commit: a
 * page of index-heavy documents (history with search tokens, composite indexes) can exceed
 * Firestore's commit size ("Transaction too big") long before 500 writes.
 */
import type { RowAt } from '@mimicit/shared';
import type { QuerySpec, Snapshot, Store, WriteOp } from '../lib/store/types.js';

export const PAGE_SIZE = 400;

/**
 * Deletes every document the query matches, a page at a time, and returns how many. Each page
 * is written before the next is read, so a crash leaves a smaller remainder that a rerun finishes.
 * `maxPages` bounds one run (the rest waits for the next run).
 */
export async function deleteMatching<P extends string>(
  store: Store,
  spec: Omit<QuerySpec<P>, 'limit'>,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<number> {
  return rewriteMatching(store, spec, (s) => ({ kind: 'delete', path: s.path }), maxPages);
}

/**
 * Applies `toWrite` to every document the query matches, page by page. `toWrite` must take the
 * document out of the query's results (delete it, or change the field the query filters on),
 * otherwise the loop would see the same page again.
 */
export async function rewriteMatching<P extends string>(
  store: Store,
  spec: Omit<QuerySpec<P>, 'limit'>,
  toWrite: (snap: Snapshot<RowAt<P>>) => WriteOp,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<number> {
  let total = 0;
  for (let page = 0; page < maxPages; page++) {
    const rows = await store.query({ ...spec, limit: PAGE_SIZE });
    if (rows.length === 0) break;
    await store.bulkWrite(rows.map(toWrite));
    total += rows.length;
    if (rows.length < PAGE_SIZE) break;
  }
  return total;
}
