/** `users/{uid}/ledger`: every credit change, newest first, paged. */
import { collections, type LedgerEntry } from '@mimicit/shared';
import { PAGE_SIZE, type Page, type WithId, watchDocument } from './firestore';
import { dataPort } from './port';

export type LedgerItem = WithId<LedgerEntry>;

/** One page of the ledger after `cursor`. */
export async function fetchLedgerPage(uid: string, cursor?: unknown): Promise<Page<LedgerItem>> {
  return (await dataPort()).queryPage(
    { collection: collections.ledger.in(uid), orderBy: ['createdAt', 'desc'], limit: PAGE_SIZE },
    cursor || undefined,
  );
}

/**
 * Follows one ledger entry (the purchase entry `purchase-{sessionId}` the webhook writes), so
 * the checkout success page shows the credits the moment they land.
 */
export function watchLedgerEntry(
  uid: string,
  entryId: string,
  onData: (entry: LedgerItem | null) => void,
  onError: (err: unknown) => void,
): () => void {
  return watchDocument(collections.ledger.doc(uid, entryId), onData, onError);
}
