/**
 * Where a person's documents are, as the collection registry declares it (`account.at`): the
 * reads the data export makes and the deletes the purge makes, for any collection that holds
 * personal data, without a list of collections of their own.
 */
import {
  collections,
  type AnyCollectionDef,
  type CollectionPath,
  type DocOf,
  type DocPath,
  type PersonalCollection,
} from '@mimicit/shared';
import type { OrderBy, QuerySpec, Snapshot, Store } from '../lib/store/types.js';
import { deleteMatching } from './bulk.js';

type Rows<K extends PersonalCollection> = CollectionPath<DocOf<K>>;

/** Where `uid`'s documents of collection `name` are: one document, or a query. */
export type Owned<K extends PersonalCollection> =
  { kind: 'doc'; path: DocPath<DocOf<K>, unknown> } | { kind: 'query'; spec: QuerySpec<Rows<K>> };

/** Where `uid`'s documents of `name` are, from the registry's `account.at`. */
export function ownedBy<K extends PersonalCollection>(name: K, uid: string): Owned<K> {
  const def: AnyCollectionDef = collections[name];
  if (def.account.holds !== 'personal') throw new Error(`${name} holds no personal data`);
  const { at } = def.account;
  if (at === 'profile' || at === 'owner-id')
    return { kind: 'doc', path: def.doc(uid) as DocPath<DocOf<K>, unknown> };
  if (at === 'under-user') return { kind: 'query', spec: { collection: def.in(uid) as Rows<K> } };
  return {
    kind: 'query',
    spec: { collection: def.in() as Rows<K>, where: [[at.ownerField as never, '==', uid]] },
  };
}

/**
 * Every document of `name` that belongs to `uid` (unpaged on purpose: the export must hold
 * every one, and cursor pages on a timestamp alone would skip documents sharing one).
 * `orderBy` orders a query; a single document comes alone.
 */
export async function readOwned<K extends PersonalCollection>(
  store: Store,
  name: K,
  uid: string,
  orderBy?: readonly OrderBy<Rows<K>>[],
): Promise<Snapshot<DocOf<K>>[]> {
  const owned = ownedBy(name, uid);
  if (owned.kind === 'doc') {
    const snap = await store.get(owned.path);
    return snap.exists ? [snap] : [];
  }
  return store.query({ ...owned.spec, ...(orderBy ? { orderBy } : {}) });
}

/** Deletes `uid`'s documents of `name`; returns how many there were. */
export async function deleteOwned(store: Store, name: PersonalCollection, uid: string): Promise<number> {
  const owned = ownedBy(name, uid);
  if (owned.kind === 'query') return deleteMatching(store, owned.spec);
  // `exists`, not `data`: a document that no longer fits its schema is deleted all the same.
  const present = (await store.get(owned.path)).exists;
  if (present) await store.batch([{ kind: 'delete', path: owned.path }]);
  return present ? 1 : 0;
}
