/**
 * The local backend's persisted {@link Store}. Decision (README "Local mode"): the in-memory
 * store — the one implementation of Firestore's query semantics the contract suite pins down —
 * with every commit appended to a journal on disk, rather than an embedded database: no second
 * query engine to keep in step, no native dependency, and a data folder a person can read.
 *
 * Each commit (transaction, batch, recursive delete) is one JSON line in `journal.jsonl`, written
 * while the commit holds the store's lock, so the journal's order is the commits' order and a
 * torn last line (a crash mid-write) only drops that uncommitted write. Opening the folder
 * replays `snapshot.json` + journal and compacts them into a new snapshot; so does a journal
 * past {@link COMPACT_BYTES}. Lines go to the OS without fsync: a killed backend loses nothing,
 * a power cut may lose the last moments — enough for development, which is all this is for.
 */
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWire, encodeWire } from '@mimicit/client-data/wire';
import { MemoryStore } from '../../lib/store/memory-store.js';
import type { Data, QuerySpec, Store, Tx, UpdateData, WriteData, WriteOp } from '../../lib/store/types.js';
import { lockFolder, writeAtomic } from './files.js';
import { Mutex } from './mutex.js';

/** Journal size that triggers a compaction into the snapshot. */
export const COMPACT_BYTES = 8 * 1024 * 1024;

type CommitListener = (paths: readonly string[]) => void;

/** Replays `snapshot.json` and `journal.jsonl` of `dir` into a map of documents. */
function readFolder(dir: string): Map<string, Data> {
  const docs = new Map<string, Data>();
  const snapshot = join(dir, 'snapshot.json');
  if (existsSync(snapshot)) {
    const parsed = JSON.parse(readFileSync(snapshot, 'utf8')) as { docs: Record<string, unknown> };
    for (const [path, data] of Object.entries(parsed.docs)) docs.set(path, decodeWire(data) as Data);
  }
  const journal = join(dir, 'journal.jsonl');
  if (!existsSync(journal)) return docs;
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let ops: WriteOp[];
    try {
      ops = (decodeWire(JSON.parse(line)) as { ops: WriteOp[] }).ops;
    } catch {
      break; // A torn last line: that commit never finished.
    }
    for (const op of ops) {
      if (op.kind === 'delete') docs.delete(op.path);
      else if (op.kind === 'update') docs.set(op.path, { ...docs.get(op.path), ...op.data });
      else docs.set(op.path, op.data);
    }
  }
  return docs;
}

async function memoryStoreOf(docs: Map<string, Data>): Promise<MemoryStore> {
  const store = new MemoryStore();
  const ops: WriteOp[] = [...docs].map(([path, data]) => ({ kind: 'set', path, data }));
  for (let i = 0; i < ops.length; i += 500) await store.batch(ops.slice(i, i + 500));
  return store;
}

/** Records a transaction's writes while passing them on. */
class RecordingTx implements Tx {
  readonly writes: WriteOp[] = [];
  constructor(private readonly tx: Tx) {}
  get<P extends string>(path: P) {
    return this.tx.get(path);
  }
  getAll<const P extends readonly string[]>(paths: P) {
    return this.tx.getAll(paths);
  }
  query<P extends string>(spec: QuerySpec<P>) {
    return this.tx.query(spec);
  }
  create<P extends string>(path: P, data: WriteData<P>) {
    this.tx.create(path, data);
    this.writes.push({ kind: 'create', path, data: data as Data });
  }
  set<P extends string>(path: P, data: WriteData<P>) {
    this.tx.set(path, data);
    this.writes.push({ kind: 'set', path, data: data as Data });
  }
  update<P extends string>(path: P, data: UpdateData<P>) {
    this.tx.update(path, data);
    this.writes.push({ kind: 'update', path, data: data as Data });
  }
  delete(path: string) {
    this.tx.delete(path);
    this.writes.push({ kind: 'delete', path });
  }
}

export class FileStore implements Store {
  private readonly lock = new Mutex();
  private readonly listeners = new Set<CommitListener>();
  private readonly journal: string;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly inner: MemoryStore,
    private readonly release: () => void,
  ) {
    this.journal = join(dir, 'journal.jsonl');
  }

  /** Opens (or creates) the store in `dir`, taking the folder's lock. */
  static async open(dir: string): Promise<FileStore> {
    const release = lockFolder(dir);
    try {
      const store = new FileStore(dir, await memoryStoreOf(readFolder(dir)), release);
      await store.compact();
      return store;
    } catch (err) {
      release();
      throw err;
    }
  }

  /** What `dir` holds right now, read without taking the lock (tests, tools). */
  static async read(dir: string): Promise<MemoryStore> {
    return memoryStoreOf(readFolder(dir));
  }

  /** Calls `listener` with the paths of every commit from now on; returns the unsubscribe. */
  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  newId(): string {
    return this.inner.newId();
  }
  get<P extends string>(path: P) {
    return this.inner.get(path);
  }
  getAll<const P extends readonly string[]>(paths: P) {
    return this.inner.getAll(paths);
  }
  query<P extends string>(spec: QuerySpec<P>) {
    return this.inner.query(spec);
  }

  runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.commit(async () => {
      let writes: WriteOp[] = [];
      const result = await this.inner.runTransaction(async (tx) => {
        const recording = new RecordingTx(tx);
        const value = await fn(recording);
        writes = recording.writes;
        return value;
      });
      return { result, ops: writes };
    });
  }

  batch(ops: readonly WriteOp[]): Promise<void> {
    return this.commit(async () => {
      await this.inner.batch(ops);
      return { result: undefined, ops };
    });
  }

  /** Firestore's BulkWriter: each write on its own (one journal line each), failures collected. */
  async bulkWrite(ops: readonly WriteOp[]): Promise<void> {
    let failure: unknown;
    for (const op of ops) {
      await this.batch([op]).catch((err: unknown) => (failure ??= err));
    }
    if (failure !== undefined) throw failure;
  }

  deleteRecursive(path: string): Promise<number> {
    return this.commit(async () => {
      const gone = this.inner.paths().filter((p) => p === path || p.startsWith(`${path}/`));
      const result = await this.inner.deleteRecursive(path);
      return { result, ops: gone.map((p) => ({ kind: 'delete' as const, path: p })) };
    });
  }

  /** Writes the snapshot, empties the journal and releases the folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.lock.run(() => this.compact());
    this.closed = true;
    this.listeners.clear();
    this.release();
  }

  /** Applies a write under the lock, then journals it before anyone else can commit. */
  private commit<T>(apply: () => Promise<{ result: T; ops: readonly WriteOp[] }>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('This store is closed.'));
    return this.lock.run(async () => {
      const { result, ops } = await apply();
      if (ops.length > 0) {
        appendFileSync(this.journal, `${JSON.stringify(encodeWire({ ops }))}\n`);
        if (statSync(this.journal).size > COMPACT_BYTES) await this.compact();
        const paths = [...new Set(ops.map((op) => op.path))];
        // Listeners only schedule their work; one that throws must not fail a landed commit.
        for (const listener of this.listeners) {
          try {
            listener(paths);
          } catch (err) {
            console.error('local store: a commit listener failed', err);
          }
        }
      }
      return result;
    });
  }

  private async compact(): Promise<void> {
    const docs: Record<string, unknown> = {};
    for (const path of this.inner.paths()) docs[path] = encodeWire((await this.inner.get(path)).unvalidated);
    writeAtomic(join(this.dir, 'snapshot.json'), JSON.stringify({ version: 1, docs }));
    writeFileSync(this.journal, '');
  }
}
