// firestore.indexes.json: valid for firebase-tools, a composite index for every query that
// needs one (the product's client and server queries in tests/rules/queries.ts), and exactly
// the TTL policies the collection registry declares.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COLLECTION_DEFS, collectionOf } from '@mimicit/shared';
import { CLIENT_QUERIES, SERVER_QUERIES, type QuerySpec } from '../rules/queries.js';

interface IndexField {
  fieldPath: string;
  order?: 'ASCENDING' | 'DESCENDING';
  arrayConfig?: 'CONTAINS';
}
interface CompositeIndex {
  collectionGroup: string;
  queryScope: 'COLLECTION' | 'COLLECTION_GROUP';
  fields: IndexField[];
}
interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  ttl?: boolean;
  indexes: { order?: string; arrayConfig?: string; queryScope?: string }[];
}
interface IndexSpec {
  indexes: CompositeIndex[];
  fieldOverrides: FieldOverride[];
}

const spec = JSON.parse(
  readFileSync(new URL('../../firestore.indexes.json', import.meta.url), 'utf8'),
) as IndexSpec;

// firebase-tools' own validator, the one `firebase deploy --only firestore:indexes` runs.
const require = createRequire(import.meta.url);
const { FirestoreApi } = require('firebase-tools/lib/firestore/api.js') as {
  FirestoreApi: new () => { validateSpec(spec: unknown): void; upgradeOldSpec(spec: unknown): unknown };
};

/** What a query needs: nothing beyond automatic single-field indexes, or one composite index. */
type Need =
  | { kind: 'single'; collectionGroup: string; field: string; order: 'ASCENDING' | 'DESCENDING' | 'CONTAINS' }
  | {
      kind: 'composite';
      collectionGroup: string;
      scope: CompositeIndex['queryScope'];
      prefix: IndexField[];
      suffix: IndexField[];
    };

function needOf(q: QuerySpec): Need {
  const collectionGroup = q.collection.split('/').pop()!;
  const where = q.where ?? [];
  const equality = where.filter(([, op]) => op === '==').map(([f]) => ({ fieldPath: f }));
  const contains = where
    .filter(([, op]) => op === 'array-contains')
    .map(([f]) => ({ fieldPath: f, arrayConfig: 'CONTAINS' as const }));
  const range = where.filter(([, op]) => !['==', 'array-contains'].includes(op)).map(([f]) => f);
  const orderBy = q.orderBy?.length ? q.orderBy : range.map((f) => [f, 'asc'] as const);
  const suffix: IndexField[] = orderBy.map(([f, d]) => ({
    fieldPath: f,
    order: d === 'asc' ? 'ASCENDING' : 'DESCENDING',
  }));
  const prefix: IndexField[] = [...equality, ...contains];
  const fields = new Set([...prefix, ...suffix].map((f) => f.fieldPath));
  if (fields.size === 1 && !q.group) {
    const only = suffix[0] ?? prefix[0]!;
    return {
      kind: 'single',
      collectionGroup,
      field: only.fieldPath,
      order: only.arrayConfig ?? only.order ?? 'ASCENDING',
    };
  }
  return {
    kind: 'composite',
    collectionGroup,
    scope: q.group ? 'COLLECTION_GROUP' : 'COLLECTION',
    prefix,
    suffix,
  };
}

const key = (f: IndexField) => `${f.fieldPath}:${f.arrayConfig ?? 'ORDERED'}`;

function satisfied(need: Need): boolean {
  if (need.kind === 'single') {
    // Automatic single-field indexes exist unless an override replaces them.
    const override = spec.fieldOverrides.find(
      (o) => o.collectionGroup === need.collectionGroup && o.fieldPath === need.field,
    );
    if (!override) return true;
    return override.indexes.some(
      (i) => (i.order ?? i.arrayConfig) === need.order && (i.queryScope ?? 'COLLECTION') === 'COLLECTION',
    );
  }
  return spec.indexes.some((index) => {
    if (index.collectionGroup !== need.collectionGroup || index.queryScope !== need.scope) return false;
    const head = index.fields.slice(0, need.prefix.length).map(key).sort();
    const tail = index.fields.slice(need.prefix.length);
    return (
      index.fields.length === need.prefix.length + need.suffix.length &&
      JSON.stringify(head) === JSON.stringify(need.prefix.map(key).sort()) &&
      tail.every((f, i) => f.fieldPath === need.suffix[i]?.fieldPath && f.order === need.suffix[i]?.order)
    );
  });
}

describe('firestore.indexes.json', () => {
  it('passes the firebase-tools validator', () => {
    const api = new FirestoreApi();
    expect(() => api.validateSpec(api.upgradeOldSpec(spec))).not.toThrow();
    expect(() =>
      api.validateSpec({ indexes: [{ collectionGroup: 'x', queryScope: 'NOPE', fields: [] }] }),
    ).toThrow(/queryScope/);
  });

  it.each(Object.entries({ ...CLIENT_QUERIES, ...SERVER_QUERIES }))(
    'query %s has the index it needs',
    (_name, q) => {
      const need = needOf(q);
      expect(satisfied(need), JSON.stringify(need)).toBe(true);
    },
  );

  it('the favorites, search and by-model queries need composite indexes (the check is not vacuous)', () => {
    for (const name of ['favorites', 'search', 'byModel', 'favoritesSearch'])
      expect(needOf(CLIENT_QUERIES[name]!).kind).toBe('composite');
    expect(needOf(SERVER_QUERIES.stuckGenerations!)).toMatchObject({
      kind: 'composite',
      scope: 'COLLECTION_GROUP',
    });
    expect(
      satisfied({
        ...(needOf(CLIENT_QUERIES.favorites!) as Extract<Need, { kind: 'composite' }>),
        collectionGroup: 'ledger',
      }),
    ).toBe(false);
  });

  it('has no index that no query uses', () => {
    const needs = Object.values({ ...CLIENT_QUERIES, ...SERVER_QUERIES }).map(needOf);
    for (const index of spec.indexes) {
      const used = needs.some((n) => {
        if (n.kind !== 'composite') return false;
        const saved = spec.indexes;
        spec.indexes = [index];
        const ok = satisfied(n);
        spec.indexes = saved;
        return ok;
      });
      expect(used, JSON.stringify(index.fields)).toBe(true);
    }
  });
});

describe('TTL policies', () => {
  const ttl = spec.fieldOverrides.filter((o) => o.ttl);
  const declared = COLLECTION_DEFS.flatMap((d) => ('field' in d.ttl ? [[d.name, d.ttl.field] as const] : []));

  it.each(declared)('%s has a TTL policy on %s', (collection, field) => {
    expect(ttl.some((o) => o.collectionGroup === collection && o.fieldPath === field)).toBe(true);
  });

  it('has exactly the policies the registry declares, each on a date field of its schema', () => {
    expect(declared.length).toBeGreaterThan(0);
    expect(ttl.map((o) => `${o.collectionGroup}.${o.fieldPath}`).sort()).toEqual(
      declared.map(([c, f]) => `${c}.${f}`).sort(),
    );
    for (const o of ttl) {
      const shape: Record<string, z.ZodType> = collectionOf(o.collectionGroup, true)!.schema.shape;
      expect(shape[o.fieldPath]?.safeParse(new Date()).success, o.fieldPath).toBe(true);
      expect(shape[o.fieldPath]?.safeParse('2025-01-01').success).toBe(false);
    }
  });
});
