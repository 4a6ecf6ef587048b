/**
 * The client data port: everything the web app and the extension read (and the few fields they
 * may write) goes through this one small interface. Two adapters implement it — the Firebase
 * SDKs (production and the Emulator Suite) and local mode (HTTP and a streamed response to the
 * local backend) — and both pass the same contract suite (`test/contract.ts`).
 */
import type { ClientWriteAt, CollectionPath, DocPath, RowFieldAt } from '@mimicit/shared';

/** Stops a live subscription. */
export type Unsubscribe = () => void;

/** A validated document with its id. */
export type WithId<T> = T & { id: string };

/** A page of documents plus the opaque cursor of the next page (null at the end). */
export interface Page<T> {
  items: WithId<T>[];
  cursor: unknown;
}

/** The only filters the product's client queries use (each has its composite index). */
export type ClientWhereOp = '==' | 'array-contains';

/**
 * A query on one of the caller's own collections (`collections.generations.in(uid)`,
 * `collections.ledger.in(uid)`): equality / array-contains filters, one order, a page size. The
 * collection path's type gives the documents' type and the fields a query may name.
 */
export interface ClientQuery<T = unknown> {
  collection: CollectionPath<T>;
  where?: readonly (readonly [field: RowFieldAt<CollectionPath<T>>, op: ClientWhereOp, value: unknown])[];
  orderBy: readonly [field: RowFieldAt<CollectionPath<T>>, direction: 'asc' | 'desc'];
  limit: number;
}

/**
 * How a client reads its data. Paths come from the collection registry
 * (`collections.users.doc(uid)`): their type is the document's, and every document read is
 * validated with the registry's schema through its converter; an invalid stored document is an
 * error, never a silent shape. Errors carry Firebase-style codes (`permission-denied`,
 * `unavailable`, `not-found`, `deadline-exceeded`, `unauthenticated`).
 */
export interface ClientDataPort {
  /** One document from the server, or null when it does not exist. */
  getDoc<T>(path: DocPath<T, unknown>): Promise<WithId<T> | null>;
  /**
   * Follows one document. `onData` gets it, or null once the server says it does not exist;
   * when the server cannot be reached `onError` gets `unavailable` (an outage never looks like
   * a missing document) and the subscription keeps trying until it is stopped.
   */
  watchDoc<T>(
    path: DocPath<T, unknown>,
    onData: (doc: WithId<T> | null) => void,
    onError: (err: unknown) => void,
  ): Unsubscribe;
  /** One page of `query` after `cursor` (from the previous page), from the server. */
  queryPage<T>(query: ClientQuery<T>, cursor?: unknown): Promise<Page<T>>;
  /** Follows the first page of `query` live (the extension's Recent results). */
  watchQuery<T>(
    query: ClientQuery<T>,
    onData: (docs: WithId<T>[]) => void,
    onError: (err: unknown) => void,
  ): Unsubscribe;
  /**
   * Changes fields the rules let a client write: the registry's client-writable fields of the
   * path's collection (a generation's `favorite`; a user's `locale`, `settings`), typed by it.
   */
  update<P extends DocPath<unknown, unknown>>(path: P, fields: ClientWriteAt<P>): Promise<void>;
  /** An object's bytes, read under the storage rules (owner only). */
  readBlob(path: string): Promise<Blob>;
}
