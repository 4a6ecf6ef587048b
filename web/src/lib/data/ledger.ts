/** `users/{uid}/ledger`: every credit change, newest first, paged. */
import { COLLECTIONS, firestoreConverter, ledgerEntrySchema, paths, type LedgerEntry } from '@mimicit/shared';
import { withTimeout } from './timeout';
import { loadFirestore, webConverter, PAGE_SIZE, type Page, type WithId, watchDocument } from './firestore';

export type LedgerItem = WithId<LedgerEntry>;
const converter = webConverter(firestoreConverter(ledgerEntrySchema));

/** One page of the ledger after `cursor`. */
export async function fetchLedgerPage(uid: string, cursor?: unknown): Promise<Page<LedgerItem>> {
  const { fs, db } = await loadFirestore();
  const col = fs.collection(db, paths.user(uid), COLLECTIONS.ledger).withConverter(converter);
  const constraints = [fs.orderBy('createdAt', 'desc'), ...(cursor ? [fs.startAfter(cursor)] : [])];
  const snap = await withTimeout(fs.getDocsFromServer(fs.query(col, ...constraints, fs.limit(PAGE_SIZE))));
  const items = snap.docs.map((d) => ({ ...d.data(), id: d.id }));
  return { items, cursor: snap.docs.length === PAGE_SIZE ? snap.docs[snap.docs.length - 1] : null };
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
  return watchDocument(paths.ledgerEntry(uid, entryId), converter, onData, onError);
}
