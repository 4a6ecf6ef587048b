/**
 * The data-access boundary. Domain code talks to Firestore only through {@link Store}; the
 * Firestore implementation runs in production and on the emulators, the in-memory one in offline
 * tests. Both pass the same contract suite (`functions/test/contracts/store.ts`).
 *
 * Values are plain JSON plus `Date` (timestamps) and `null`. `undefined` fields are dropped.
 * Semantics follow Firestore: in a transaction every read comes before the first write;
 * `update` replaces the named top-level fields of an existing document; `create` fails when the
 * document exists; queries order by the given fields, then by document path.
 *
 * Paths of the collection registry (`collections.users.doc(uid)`) are typed: reads return
 * that collection's document type, validated by its schema; writes take it. Other paths (the
 * contract suites', local mode's own state) read and write plain data.
 */
import { parseStored, type DocAt, type DocUpdateAt, type RowAt, type RowFieldAt } from '@mimicit/shared';

export type Data = Record<string, unknown>;

export interface Snapshot<T = Data> {
  readonly id: string;
  readonly path: string;
  /** Whether the document exists (known without parsing it). */
  readonly exists: boolean;
  /**
   * The document's data, or `undefined` when it does not exist. For a path of the collection
   * registry it is parsed with the collection's schema on first access: a stored document that
   * does not fit throws `InvalidDocumentError` naming the path and the field, here at the
   * boundary rather than somewhere deep in domain code. Code that only needs paths (bulk
   * deletes) never parses.
   */
  readonly data: T | undefined;
  /**
   * The data exactly as stored, not validated: only for code that passes documents on without
   * reading them — local mode's data API hands them to clients (whose converters validate, as
   * with Firestore) and persists them.
   */
  readonly unvalidated: Data | undefined;
}

export type WhereOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'array-contains';
export type Where<P extends string = string> = readonly [field: RowFieldAt<P>, op: WhereOp, value: unknown];
export type OrderBy<P extends string = string> = readonly [field: RowFieldAt<P>, direction: 'asc' | 'desc'];

export interface QuerySpec<P extends string = string> {
  /**
   * A collection path (`collections.generations.in(uid)`), or with `group` a collection id
   * (`collections.generations.group`). Its type gives the rows' type.
   */
  collection: P;
  group?: boolean;
  where?: readonly Where<P>[];
  orderBy?: readonly OrderBy<P>[];
  limit?: number;
  /** Cursor: the orderBy values of the last document of the previous page. */
  startAfter?: readonly unknown[];
}

/** Snapshots of `paths`, in order, each typed by its own path. */
export type Snapshots<P extends readonly string[]> = { -readonly [K in keyof P]: Snapshot<DocAt<P[K]>> };

/** What a write stores at `P`: the whole document (set, create) or some of its fields (update). */
export type WriteData<P> = DocAt<P>;
export type UpdateData<P> = DocUpdateAt<P>;

export interface Tx {
  get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>>;
  getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>>;
  query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]>;
  create<P extends string>(path: P, data: WriteData<P>): void;
  set<P extends string>(path: P, data: WriteData<P>): void;
  update<P extends string>(path: P, data: UpdateData<P>): void;
  delete(path: string): void;
}

export type WriteOp =
  | { kind: 'set'; path: string; data: Data }
  | { kind: 'create'; path: string; data: Data }
  | { kind: 'update'; path: string; data: Data }
  | { kind: 'delete'; path: string };

export interface Store {
  get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>>;
  getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>>;
  query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]>;
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

/**
 * A snapshot of `raw` read at `path`, the one way every Store implementation makes them: its
 * `data` is validated against the path's registry schema when first read (see {@link Snapshot}).
 */
export function snapshotOf<T>(path: string, raw: Data | undefined): Snapshot<T> {
  let parsed: { value: T } | undefined;
  return {
    id: splitPath(path).id,
    path,
    exists: raw !== undefined,
    unvalidated: raw,
    get data(): T | undefined {
      if (raw === undefined) return undefined;
      parsed ??= { value: parseStored(path, raw) as T };
      return parsed.value;
    },
  };
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
