/**
 * A simulation of Firestore's opaque per-commit limit ("Transaction too big. Decrease
 * transaction size.", INVALID_ARGUMENT), for the in-memory store. Firestore refuses a commit
 * when the index entries it touches add up too much, well before 500 writes when documents are
 * index-heavy (arrays for `array-contains`, many fields). The estimate here is deliberately
 * rough — two entries per scalar (ascending and descending), one per distinct array element —
 * but it grows with the documents the way the real cost does, so code that packs hundreds of
 * index-heavy documents into one commit fails offline as it would in production.
 */
import type { Data, WriteOp } from './types.js';

/** Approximate single-field index entries of a stored value. */
export function indexEntries(value: unknown): number {
  if (value === undefined) return 0;
  if (Array.isArray(value)) return new Set(value.map((v) => JSON.stringify(v))).size;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    let n = 0;
    for (const v of Object.values(value as Data)) n += indexEntries(v);
    return n;
  }
  return 2;
}

/** The index entries a commit of `ops` touches: the old entries removed plus the new written. */
export function commitIndexEntries(
  ops: readonly WriteOp[],
  current: (path: string) => Data | undefined,
): number {
  let n = 0;
  for (const op of ops) {
    const before = current(op.path);
    n += before ? indexEntries(before) : 0;
    if (op.kind !== 'delete') n += indexEntries(op.kind === 'update' ? { ...before, ...op.data } : op.data);
  }
  return n;
}

/** The error Firestore answers for an oversized commit (gRPC 3, INVALID_ARGUMENT). */
export function transactionTooBig(): Error & { code: number } {
  return Object.assign(new Error('3 INVALID_ARGUMENT: Transaction too big. Decrease transaction size.'), {
    code: 3,
  });
}
