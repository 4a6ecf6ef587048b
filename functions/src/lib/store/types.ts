/**
 * The data-access boundary. Domain code talks to Firestore only through {@link Store}; the
 * Firestore implementation runs in production and on the emulators, the in-memory one in offline
 * tests. Both pass the same contract suite (`contract.ts`).
 *
 * Values are plain JSON plus `Date` (timestamps) and `null`. `undefined` fields are dropped.
 * Semantics follow Firestore: in a transaction every read comes before the first write;
 * `update` replaces the named top-level fields of an existing document; `create` fails when the
 * document exists; queries order by the given fields, then by document path.
 */
export type Data = Record<string, unknown>;

export interface Snapshot<T = Data> {
  readonly id: string;
  readonly path: string;
  /** The document's data, or `undefined` when it does not exist. */
  readonly data: T | undefined;
}

export type WhereOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'array-contains';
export type Where = readonly [field: string, op: WhereOp, value: unknown];
export type OrderBy = readonly [field: string, direction: 'asc' | 'desc'];

export interface QuerySpec {
  /** A collection path (`users/u1/generations`), or with `group` a collection id. */
  collection: string;
  group?: boolean;
  where?: readonly Where[];
  orderBy?: readonly OrderBy[];
  limit?: number;
  /** Cursor: the orderBy values of the last document of the previous page. */
  startAfter?: readonly unknown[];
}

export interface Tx {
  get<T = Data>(path: string): Promise<Snapshot<T>>;
  getAll<T = Data>(paths: readonly string[]): Promise<Snapshot<T>[]>;
  query<T = Data>(spec: QuerySpec): Promise<Snapshot<T>[]>;
  create(path: string, data: Data): void;
  set(path: string, data: Data): void;
  update(path: string, data: Data): void;
  delete(path: string): void;
}

export type WriteOp =
  | { kind: 'set'; path: string; data: Data }
  | { kind: 'create'; path: string; data: Data }
  | { kind: 'update'; path: string; data: Data }
  | { kind: 'delete'; path: string };

export interface Store {
  get<T = Data>(path: string): Promise<Snapshot<T>>;
  getAll<T = Data>(paths: readonly string[]): Promise<Snapshot<T>[]>;
  query<T = Data>(spec: QuerySpec): Promise<Snapshot<T>[]>;
  /**
   * Runs `fn` atomically. `fn` may run more than once (Firestore retries on contention), so it
   * must not have side effects outside the transaction.
   */
  runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies up to 500 writes atomically. */
  batch(ops: readonly WriteOp[]): Promise<void>;
  /**
   * Applies any number of writes, each on its own (not atomically), retrying transient failures:
   * Firestore's BulkWriter. For bulk deletes and rewrites that need no atomicity, where one big
   * commit could fail with "Transaction too big" (index-heavy documents). A failed write does not
   * stop the others; the call rejects afterwards with the first failure.
   */
  bulkWrite(ops: readonly WriteOp[]): Promise<void>;
  /** Deletes a document and every document below it (all subcollections). Returns the count. */
  deleteRecursive(path: string): Promise<number>;
  /** A new random document id (20 characters, like Firestore's). */
  newId(): string;
}

/** Thrown when a write's precondition fails (`create` on an existing doc, `update` on a missing one). */
export class StoreConflictError extends Error {
  constructor(
    readonly kind: 'already-exists' | 'not-found',
    readonly path: string,
  ) {
    super(`${kind}: ${path}`);
    this.name = 'StoreConflictError';
  }
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let id = '';
  for (const b of bytes) id += ID_CHARS[b % ID_CHARS.length];
  return id;
}

/** `a/b/c/d` → `{ parent: 'a/b/c', id: 'd' }`. */
export function splitPath(path: string): { parent: string; id: string } {
  const i = path.lastIndexOf('/');
  return { parent: path.slice(0, i), id: path.slice(i + 1) };
}
