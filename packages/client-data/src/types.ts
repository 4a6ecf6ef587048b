/**
 * The client data port: everything the web app and the extension read (and the few fields they
 * may write) goes through this one small interface. Two adapters implement it — the Firebase
 * SDKs (production and the Emulator Suite) and local mode (HTTP and a streamed response to the
 * local backend) — and both pass the same contract suite (`testing/contract.ts`).
 */
import type { DocConverter } from '@mimicit/shared';

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
 * A query on one of the caller's own collections (`users/{uid}/generations`,
 * `users/{uid}/ledger`): equality / array-contains filters, one order, a page size.
 */
export interface ClientQuery {
  collection: string;
  where?: readonly (readonly [field: string, op: ClientWhereOp, value: unknown])[];
  orderBy: readonly [field: string, direction: 'asc' | 'desc'];
  limit: number;
}

/**
 * How a client reads its data. Documents are validated with the shared zod schemas through
 * `firestoreConverter(schema)`; an invalid stored document is an error, never a silent shape.
 * Errors carry Firebase-style codes (`permission-denied`, `unavailable`, `not-found`,
 * `deadline-exceeded`, `unauthenticated`).
 */
export interface ClientDataPort {
  /** One document from the server, or null when it does not exist. */
  getDoc<T>(path: string, converter: DocConverter<T>): Promise<WithId<T> | null>;
  /**
   * Follows one document. `onData` gets it, or null once the server says it does not exist;
   * when the server cannot be reached `onError` gets `unavailable` (an outage never looks like
   * a missing document) and the subscription keeps trying until it is stopped.
   */
  watchDoc<T>(
    path: string,
    converter: DocConverter<T>,
    onData: (doc: WithId<T> | null) => void,
    onError: (err: unknown) => void,
  ): Unsubscribe;
  /** One page of `query` after `cursor` (from the previous page), from the server. */
  queryPage<T>(query: ClientQuery, converter: DocConverter<T>, cursor?: unknown): Promise<Page<T>>;
  /** Follows the first page of `query` live (the extension's Recent results). */
  watchQuery<T>(
    query: ClientQuery,
    converter: DocConverter<T>,
    onData: (docs: WithId<T>[]) => void,
    onError: (err: unknown) => void,
  ): Unsubscribe;
  /** Changes top-level fields the rules let a client write (favorite; locale, settings). */
  update(path: string, fields: Record<string, unknown>): Promise<void>;
  /** An object's bytes, read under the storage rules (owner only). */
  readBlob(path: string): Promise<Blob>;
}
