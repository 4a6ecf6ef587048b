/**
 * A Firestore data converter built from a zod document schema, usable with both the web SDK
 * (`firebase/firestore`) and the Admin SDK (`firebase-admin/firestore`) — it imports neither:
 * Timestamps are recognised by their `toDate()` method, so each side passes its own converter
 * to `withConverter(...)`.
 */
import type { z } from 'zod';

/** The part of a document snapshot the converter reads (web and admin snapshots both fit). */
export interface SnapshotLike {
  readonly id?: string;
  readonly ref?: { readonly path?: string };
  data(options?: unknown): Record<string, unknown> | undefined;
}

/**
 * Structurally a `FirestoreDataConverter<T>` of either SDK. `toFirestore` takes any object
 * because each SDK hands it its own `WithFieldValue<T>` / `PartialWithFieldValue<T>` types.
 */
export interface DocConverter<T> {
  toFirestore(model: object, options?: unknown): Record<string, unknown>;
  fromFirestore(snapshot: SnapshotLike, options?: unknown): T;
}

/** Thrown when a stored document does not match its schema. */
export class InvalidDocumentError extends Error {
  constructor(
    readonly path: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const where = first && first.path.length ? ` at ${first.path.map(String).join('.')}` : '';
    super(`Document ${path} does not match its schema${where}: ${first?.message ?? 'invalid'}`);
    this.name = 'InvalidDocumentError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isTimestampLike(value: unknown): value is { toDate(): Date } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    typeof (value as { toDate?: unknown }).toDate === 'function'
  );
}

/**
 * Replaces every Timestamp (anything with `toDate()`) inside plain objects and arrays by a
 * `Date`. Other SDK values (references, GeoPoints, Bytes) are left as they are.
 */
export function timestampsToDates(value: unknown): unknown {
  if (isTimestampLike(value)) return value.toDate();
  if (Array.isArray(value)) return value.map(timestampsToDates);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = timestampsToDates(inner);
    return out;
  }
  return value;
}

/**
 * Drops `undefined` fields from plain objects (the web SDK rejects them; optional zod fields
 * produce them). Dates, arrays' items and SDK sentinels such as `serverTimestamp()` pass through.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      if (inner !== undefined) out[key] = withoutUndefined(inner);
    return out;
  }
  return value;
}

/**
 * Builds a converter for one document schema.
 *
 * Reading converts Timestamps to Dates recursively and validates with the schema, throwing
 * {@link InvalidDocumentError} (with the document path) when the stored data does not fit.
 * Writing passes values through (Dates become Timestamps in the SDK) without validation, so
 * partial `set(..., { merge: true })` writes and field sentinels keep working; it only removes
 * `undefined` fields.
 *
 * @example
 * const users = collection(db, 'users').withConverter(firestoreConverter(userDocSchema));
 */
export function firestoreConverter<S extends z.ZodType>(schema: S): DocConverter<z.output<S>> {
  return {
    toFirestore(model) {
      return withoutUndefined(model) as Record<string, unknown>;
    },
    fromFirestore(snapshot, options) {
      const raw = timestampsToDates(snapshot.data(options) ?? {});
      const result = schema.safeParse(raw);
      if (!result.success) {
        const path = snapshot.ref?.path ?? snapshot.id ?? '(unknown document)';
        throw new InvalidDocumentError(path, result.error.issues);
      }
      return result.data;
    },
  };
}
