/** Value helpers shared by the store implementations: cloning, field access and ordering. */
import type { Data } from './types.js';

/** Deep copy of a stored value; drops `undefined` fields like Firestore with ignoreUndefinedProperties. */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => cloneValue(v)) as T;
  if (value && typeof value === 'object') {
    const out: Data = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = cloneValue(v);
    return out as T;
  }
  return value;
}

/** Reads a dotted field path (`settings.locale`). */
export function fieldValue(data: Data, field: string): unknown {
  let cur: unknown = data;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object' || cur instanceof Date) return undefined;
    cur = (cur as Data)[part];
  }
  return cur;
}

// Firestore's cross-type order: null < booleans < numbers < timestamps < strings < arrays < maps.
function typeRank(v: unknown): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return 1;
  if (typeof v === 'number') return 2;
  if (v instanceof Date) return 3;
  if (typeof v === 'string') return 4;
  if (Array.isArray(v)) return 6;
  return 7;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return 0;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && compareValues(a, b) === 0;
}
