/** `users/{uid}`: the live profile (credit balance) and the two fields a client may write. */
import { collections, type Locale, type UserDoc } from '@mimicit/shared';
import { watchDocument } from './firestore';
import { dataPort } from './port';

/**
 * Follows the user document. `onError` gets `unavailable` when the server cannot be reached
 * (the SDK then only has an empty cache, which must not look like "no profile").
 */
export function watchUserDoc(
  uid: string,
  onData: (doc: UserDoc | null) => void,
  onError: (err: unknown) => void,
): () => void {
  return watchDocument(collections.users.doc(uid), (item) => onData(item && withoutId(item)), onError);
}

function withoutId({ id: _id, ...doc }: UserDoc & { id: string }): UserDoc {
  return doc;
}

/** Saves the UI language on the user document (a client-writable field). */
export async function saveUserLocale(uid: string, locale: Locale): Promise<void> {
  await (await dataPort()).update(collections.users.doc(uid), { locale });
}
