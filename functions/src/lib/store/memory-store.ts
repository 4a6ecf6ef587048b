/**
 * In-memory {@link Store} for offline tests. Transactions are serialised (one at a time), which
 * is what Firestore's server SDK guarantees through locks. `simulateRetries` reruns transaction
 * bodies the two ways the Admin SDK does in production, so code that is not retry-safe fails in
 * tests; `maxCommitIndexEntries` refuses oversized commits as Firestore does.
 */
import { cloneValue, compareValues, fieldValue, valuesEqual } from './values.js';
import { commitIndexEntries, transactionTooBig } from './commit-limits.js';
import type { DocAt, RowAt } from '@mimicit/shared';
import {
  StoreConflictError,
  randomId,
  snapshotOf,
  splitPath,
  type Data,
  type QuerySpec,
  type Snapshot,
  type Snapshots,
  type Store,
  type Tx,
  type UpdateData,
  type WhereOp,
  type WriteData,
  type WriteOp,
} from './types.js';

/**
 * How a transaction body is rerun:
 * - `contention` (or `true`): once more than needed, the first run's writes thrown away — the
 *   SDK's retry after ABORTED.
 * - `commit-landed`: the first run's writes ARE committed, then the body runs again on the new
 *   state and its writes are committed too — the SDK's rerun after a commit that landed but
 *   whose call answered DEADLINE_EXCEEDED, UNAVAILABLE or INTERNAL. A body must recognise its
 *   own earlier commit here, or it takes it for someone else's.
 */
export type RetrySimulation = 'contention' | 'commit-landed';

export interface MemoryStoreOptions {
  simulateRetries?: boolean | RetrySimulation;
  /**
   * Refuse a batch or transaction commit touching more index entries than this (estimated, see
   * commit-limits.ts) with Firestore's INVALID_ARGUMENT "Transaction too big". Unlimited when unset.
   */
  maxCommitIndexEntries?: number;
  /**
   * Every n-th transaction runs its body, then fails with ABORTED without committing, as the
   * Admin SDK reports a transaction it gave up on (the Firestore emulator does so under lock
   * contention). Lets the emulator tier's tolerant assertions run offline too.
   */
  abortEvery?: number;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

export class MemoryStore implements Store {
  private readonly docs = new Map<string, Data>();
  private readonly mutex = new Mutex();
  private transactions = 0;
  /** Document reads and writes, for cost benchmarks. */
  readonly stats = { reads: 0, writes: 0 };

  constructor(private readonly options: MemoryStoreOptions = {}) {}

  newId(): string {
    return randomId();
  }

  async get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>> {
    this.stats.reads++;
    return this.snapshot(path);
  }

  async getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>> {
    return (await Promise.all(paths.map((p) => this.get(p)))) as Snapshots<P>;
  }

  async query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]> {
    const result = this.runQuery<RowAt<P>>(spec);
    this.stats.reads += Math.max(1, result.length);
    return result;
  }

  async runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const release = await this.mutex.lock();
    try {
      const mode = this.options.simulateRetries === true ? 'contention' : this.options.simulateRetries;
      if (mode === 'contention') await fn(new MemoryTx(this));
      if (mode === 'commit-landed') {
        const landed = new MemoryTx(this);
        await fn(landed);
        this.apply(landed.writes);
      }
      const tx = new MemoryTx(this);
      const result = await fn(tx);
      const every = this.options.abortEvery;
      if (every && ++this.transactions % every === 0) {
        throw Object.assign(new Error('10 ABORTED: Transaction lock timeout.'), { code: 10 });
      }
      this.apply(tx.writes);
      return result;
    } finally {
      release();
    }
  }

  async batch(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length > 500) throw new Error('A batch holds at most 500 writes.');
    const release = await this.mutex.lock();
    try {
      this.apply(ops);
    } finally {
      release();
    }
  }

  async bulkWrite(ops: readonly WriteOp[]): Promise<void> {
    let failure: unknown;
    for (const op of ops) {
      const release = await this.mutex.lock();
      try {
        this.apply([op]);
      } catch (err) {
        failure ??= err;
      } finally {
        release();
      }
    }
    if (failure !== undefined) throw failure;
  }

  async deleteRecursive(path: string): Promise<number> {
    const release = await this.mutex.lock();
    try {
      let n = 0;
      for (const key of [...this.docs.keys()]) {
        if (key === path || key.startsWith(`${path}/`)) {
          this.docs.delete(key);
          n++;
        }
      }
      this.stats.writes += n;
      return n;
    } finally {
      release();
    }
  }

  /** Every stored path (tests use it to prove nothing of a user remains). */
  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** @internal */
  snapshot<T>(path: string): Snapshot<T> {
    assertDocPath(path);
    const data = this.docs.get(path);
    return snapshotOf<T>(path, data === undefined ? undefined : (cloneValue(data) as Data));
  }

  /** @internal */
  runQuery<T>(spec: QuerySpec<string>): Snapshot<T>[] {
    let rows: [string, Data][] = [];
    for (const [path, data] of this.docs) {
      const { parent } = splitPath(path);
      const matches = spec.group ? parent.split('/').at(-1) === spec.collection : parent === spec.collection;
      if (matches) rows.push([path, data]);
    }
    for (const [field, op, value] of spec.where ?? []) {
      rows = rows.filter(([, data]) => matchWhere(fieldValue(data, field), op, value));
    }
    const order = spec.orderBy ?? [];
    // Firestore leaves out documents that lack an orderBy field.
    rows = rows.filter(([, data]) => order.every(([f]) => fieldValue(data, f) !== undefined));
    const key = (path: string, data: Data): unknown[] => [...order.map(([f]) => fieldValue(data, f)), path];
    const dirs = [...order.map(([, d]) => (d === 'desc' ? -1 : 1)), order.at(-1)?.[1] === 'desc' ? -1 : 1];
    const cmp = (a: unknown[], b: unknown[]): number => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = compareValues(a[i], b[i]) * (dirs[i] ?? 1);
        if (c !== 0) return c;
      }
      return 0;
    };
    rows.sort(([pa, da], [pb, db]) => cmp(key(pa, da), key(pb, db)));
    if (spec.startAfter) {
      const cursor = [...spec.startAfter];
      rows = rows.filter(([p, d]) => cmp(key(p, d).slice(0, cursor.length), cursor) > 0);
    }
    if (spec.limit !== undefined) rows = rows.slice(0, spec.limit);
    return rows.map(([path, data]) => snapshotOf<T>(path, cloneValue(data) as Data));
  }

  private apply(ops: readonly WriteOp[]): void {
    const limit = this.options.maxCommitIndexEntries;
    if (limit !== undefined && commitIndexEntries(ops, (p) => this.docs.get(p)) > limit) {
      throw transactionTooBig();
    }
    // Check every precondition first so a failing batch writes nothing.
    const exists = new Map<string, boolean>();
    const has = (p: string) => exists.get(p) ?? this.docs.has(p);
    for (const op of ops) {
      assertDocPath(op.path);
      if (op.kind === 'create' && has(op.path)) throw new StoreConflictError('already-exists', op.path);
      if (op.kind === 'update' && !has(op.path)) throw new StoreConflictError('not-found', op.path);
      exists.set(op.path, op.kind !== 'delete');
    }
    for (const op of ops) {
      this.stats.writes++;
      if (op.kind === 'delete') this.docs.delete(op.path);
      else if (op.kind === 'update')
        this.docs.set(op.path, { ...this.docs.get(op.path), ...cloneValue(op.data) });
      else this.docs.set(op.path, cloneValue(op.data));
    }
  }
}

class MemoryTx implements Tx {
  readonly writes: WriteOp[] = [];
  constructor(private readonly store: MemoryStore) {}

  private beforeWrites(): void {
    if (this.writes.length > 0) throw new Error('Firestore transactions must do all reads before any write.');
  }

  async get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>> {
    this.beforeWrites();
    this.store.stats.reads++;
    return this.store.snapshot(path);
  }

  async getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>> {
    return (await Promise.all(paths.map((p) => this.get(p)))) as Snapshots<P>;
  }

  async query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]> {
    this.beforeWrites();
    const rows = this.store.runQuery<RowAt<P>>(spec);
    this.store.stats.reads += Math.max(1, rows.length);
    return rows;
  }

  create<P extends string>(path: P, data: WriteData<P>): void {
    this.writes.push({ kind: 'create', path, data: cloneValue(data as Data) });
  }
  set<P extends string>(path: P, data: WriteData<P>): void {
    this.writes.push({ kind: 'set', path, data: cloneValue(data as Data) });
  }
  update<P extends string>(path: P, data: UpdateData<P>): void {
    this.writes.push({ kind: 'update', path, data: cloneValue(data as Data) });
  }
  delete(path: string): void {
    this.writes.push({ kind: 'delete', path });
  }
}

function assertDocPath(path: string): void {
  const parts = path.split('/');
  if (parts.length % 2 !== 0 || parts.some((p) => p === '')) throw new Error(`Not a document path: ${path}`);
}

function matchWhere(actual: unknown, op: WhereOp, value: unknown): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case '==':
      return valuesEqual(actual, value);
    case '!=':
      return actual !== null && !valuesEqual(actual, value);
    case '<':
      return sameType(actual, value) && compareValues(actual, value) < 0;
    case '<=':
      return sameType(actual, value) && compareValues(actual, value) <= 0;
    case '>':
      return sameType(actual, value) && compareValues(actual, value) > 0;
    case '>=':
      return sameType(actual, value) && compareValues(actual, value) >= 0;
    case 'in':
      return Array.isArray(value) && value.some((v) => valuesEqual(actual, v));
    case 'array-contains':
      return Array.isArray(actual) && actual.some((v) => valuesEqual(v, value));
  }
}

// Range filters only match values of the same type, as in Firestore.
function sameType(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0 || (typeof a === typeof b && a instanceof Date === b instanceof Date);
}
