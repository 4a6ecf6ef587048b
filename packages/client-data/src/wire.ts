/**
 * Local mode's wire format, shared by the local backend (functions/src/local) and the local
 * adapter: JSON where a `Date` is `{"$date": "<ISO>"}` and a top-level update field may be the
 * delete marker `{"$delete": true}`. Object keys that start with `$` are escaped with one more
 * `$`, so stored data can never be mistaken for a marker. No SDK import: both sides use it.
 */

/** Paths of the local backend's data API (under its origin). */
export const LOCAL_API = {
  doc: '/local/v1/doc',
  query: '/local/v1/query',
  watchDoc: '/local/v1/watch/doc',
  watchQuery: '/local/v1/watch/query',
  blob: '/local/v1/blob',
  blobList: '/local/v1/blobs',
  health: '/local/v1/health',
} as const;

/** Stands for "remove this field" in an update (the SDK's `deleteField()`). */
export const DELETE_FIELD: unique symbol = Symbol('deleteField');

/** The cursor of the next page: the last document's orderBy values, then its path. */
export interface WireCursor {
  values: unknown[];
  path: string;
}

/** A document as the local backend sends it. */
export interface WireDoc {
  id: string;
  path: string;
  data: unknown;
}

/** A failure as the local backend sends it. */
export interface WireError {
  error: { code: string; message: string };
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A value as JSON-safe data (Dates tagged, `$` keys escaped, `undefined` fields dropped). */
export function encodeWire(value: unknown): unknown {
  if (value === DELETE_FIELD) return { $delete: true };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k.startsWith('$') ? `$${k}` : k] = encodeWire(v);
    }
    return out;
  }
  return value;
}

/** The inverse of {@link encodeWire}; `{"$delete": true}` becomes {@link DELETE_FIELD}. */
export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (isPlain(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'string') {
      const date = new Date(value.$date);
      if (!Number.isNaN(date.getTime())) return date;
    }
    if (keys.length === 1 && keys[0] === '$delete' && value.$delete === true) return DELETE_FIELD;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.startsWith('$$') ? k.slice(1) : k] = decodeWire(v);
    return out;
  }
  return value;
}
