/** `users/{uid}`: the live profile (credit balance) and the two fields a client may write. */
import {
  firestoreConverter,
  paths,
  userDocSchema,
  type Locale,
  type UserDoc,
  type UserSettings,
} from '@mimicit/shared';
import { watchDocument } from './firestore';
import { dataPort } from './port';

const converter = firestoreConverter(userDocSchema);

/**
 * Follows the user document. `onError` gets `unavailable` when the server cannot be reached
 * (the SDK then only has an empty cache, which must not look like "no profile").
 */
export function watchUserDoc(
  uid: string,
  onData: (doc: UserDoc | null) => void,
  onError: (err: unknown) => void,
): () => void {
  return watchDocument(paths.user(uid), converter, (item) => onData(item && withoutId(item)), onError);
}

function withoutId({ id: _id, ...doc }: UserDoc & { id: string }): UserDoc {
  return doc;
}

/** Saves the UI language on the user document (a client-writable field). */
export async function saveUserLocale(uid: string, locale: Locale): Promise<void> {
  await (await dataPort()).update(paths.user(uid), { locale });
}

/** Saves the client settings (a client-writable field). */
export async function saveUserSettings(uid: string, settings: UserSettings): Promise<void> {
  await (await dataPort()).update(paths.user(uid), { settings });
}
