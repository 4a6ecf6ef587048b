/** {@link Store} over the Admin SDK's Firestore: production and the Firestore emulator. */
import type {
  DocumentData,
  DocumentSnapshot,
  Firestore,
  Query,
  Transaction,
  WriteBatch,
} from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import type { DocAt, RowAt } from '@mimicit/shared';
import {
  StoreConflictError,
  randomId,
  snapshotOf,
  type Data,
  type QuerySpec,
  type Snapshot,
  type Snapshots,
  type Store,
  type Tx,
  type UpdateData,
  type WriteData,
  type WriteOp,
} from './types.js';

/** Firestore Timestamps become `Date`, recursively, so domain code sees one time type. */
export function fromFirestore(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromFirestore);
  if (value && typeof value === 'object' && value.constructor === Object) {
    const out: Data = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromFirestore(v);
    return out;
  }
  return value;
}

function toSnapshot<T>(snap: DocumentSnapshot<DocumentData>): Snapshot<T> {
  return snapshotOf<T>(snap.ref.path, snap.exists ? (fromFirestore(snap.data()) as Data) : undefined);
}

export class FirestoreStore implements Store {
  constructor(private readonly db: Firestore) {}

  newId(): string {
    return randomId();
  }

  async get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>> {
    return toSnapshot(await this.db.doc(path).get());
  }

  async getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>> {
    if (paths.length === 0) return [] as unknown as Snapshots<P>;
    const snaps = await this.db.getAll(...paths.map((p) => this.db.doc(p)));
    return snaps.map((s) => toSnapshot(s)) as Snapshots<P>;
  }

  async query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]> {
    const snap = await this.build(spec).get();
    return snap.docs.map((d) => toSnapshot(d));
  }

  async runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.runTransaction((t) => fn(new FirestoreTx(this, t))).catch(mapConflict);
  }

  async batch(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length > 500) throw new Error('A batch holds at most 500 writes.');
    const batch = this.db.batch();
    for (const op of ops) applyWrite(this.db, batch, op);
    await batch.commit().catch(mapConflict);
  }

  async bulkWrite(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    // BulkWriter sends small non-atomic batches and retries transient errors on its own; each
    // write's promise reports that write, so one failure never hides or stops the rest.
    const writer = this.db.bulkWriter();
    const settled = ops.map((op) => {
      const ref = this.db.doc(op.path);
      const write =
        op.kind === 'delete'
          ? writer.delete(ref)
          : op.kind === 'create'
            ? writer.create(ref, op.data)
            : op.kind === 'update'
              ? writer.update(ref, op.data)
              : writer.set(ref, op.data);
      return write.then(
        () => undefined,
        (err: unknown) => err ?? new Error('bulk write failed'),
      );
    });
    await writer.close();
    const failure = (await Promise.all(settled)).find((e) => e !== undefined);
    if (failure !== undefined) mapConflict(failure);
  }

  async deleteRecursive(path: string): Promise<number> {
    let n = 0;
    const writer = this.db.bulkWriter();
    writer.onWriteResult(() => n++);
    await this.db.recursiveDelete(this.db.doc(path), writer);
    return n;
  }

  /** @internal */
  build(spec: QuerySpec<string>): Query {
    let q: Query = spec.group
      ? this.db.collectionGroup(spec.collection)
      : this.db.collection(spec.collection);
    for (const [field, op, value] of spec.where ?? []) q = q.where(field, op, value);
    for (const [field, dir] of spec.orderBy ?? []) q = q.orderBy(field, dir);
    if (spec.startAfter) q = q.startAfter(...spec.startAfter);
    if (spec.limit !== undefined) q = q.limit(spec.limit);
    return q;
  }

  /** @internal */
  doc(path: string) {
    return this.db.doc(path);
  }
}

class FirestoreTx implements Tx {
  constructor(
    private readonly store: FirestoreStore,
    private readonly t: Transaction,
  ) {}

  async get<P extends string>(path: P): Promise<Snapshot<DocAt<P>>> {
    return toSnapshot(await this.t.get(this.store.doc(path)));
  }
  async getAll<const P extends readonly string[]>(paths: P): Promise<Snapshots<P>> {
    if (paths.length === 0) return [] as unknown as Snapshots<P>;
    const snaps = await this.t.getAll(...paths.map((p) => this.store.doc(p)));
    return snaps.map((s) => toSnapshot(s)) as Snapshots<P>;
  }
  async query<P extends string>(spec: QuerySpec<P>): Promise<Snapshot<RowAt<P>>[]> {
    const snap = await this.t.get(this.store.build(spec));
    return snap.docs.map((d) => toSnapshot(d));
  }
  create<P extends string>(path: P, data: WriteData<P>): void {
    this.t.create(this.store.doc(path), data as Data);
  }
  set<P extends string>(path: P, data: WriteData<P>): void {
    this.t.set(this.store.doc(path), data as Data);
  }
  update<P extends string>(path: P, data: UpdateData<P>): void {
    this.t.update(this.store.doc(path), data as Data);
  }
  delete(path: string): void {
    this.t.delete(this.store.doc(path));
  }
}

function applyWrite(db: Firestore, batch: WriteBatch, op: WriteOp): void {
  const ref = db.doc(op.path);
  if (op.kind === 'delete') batch.delete(ref);
  else if (op.kind === 'create') batch.create(ref, op.data);
  else if (op.kind === 'update') batch.update(ref, op.data);
  else batch.set(ref, op.data);
}

// gRPC codes the Admin SDK reports for failed preconditions: 6 ALREADY_EXISTS, 5 NOT_FOUND.
function mapConflict(err: unknown): never {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 6) throw new StoreConflictError('already-exists', '');
  if (code === 5) throw new StoreConflictError('not-found', '');
  throw err;
}
