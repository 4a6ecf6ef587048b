// Offline checks that tie the rules, the rules table and the collection registry together:
// every collection of the registry and every storage path has table rows, the table states the
// access the registry declares, it agrees with the allow statements in the rules files, and
// the rules' field lists match the registry's client-writable fields.
import {
  COLLECTION_DEFS,
  LOCALES,
  PROMPT_STYLES,
  collectionAt,
  collections,
  storagePaths,
  userSettingsSchema,
} from '@mimicit/shared';
import { describe, expect, it } from 'vitest';
import { FIELD_CASES, QUERY_CASES } from '../rules/cases.js';
import type { SEED_DOCS } from '../rules/fixtures.js';
import { FIRESTORE_SEED } from '../rules/fixtures.js';
import {
  allowStatements,
  matchPaths,
  parseRules,
  readRootFile,
  type AllowStatement,
} from '../rules/parser.js';
import {
  ACTORS,
  COLLECTION_TARGETS,
  FIRESTORE_ROWS,
  FIRESTORE_TARGETS,
  OPERATIONS,
  STORAGE_ROWS,
  STORAGE_TARGETS,
  type Operation,
} from '../rules/table.js';

const firestoreSource = readRootFile('firestore.rules');
const firestoreAllows = allowStatements(parseRules(firestoreSource));
const storageAllows = allowStatements(parseRules(readRootFile('storage.rules')));
const FIRESTORE_ROOT = '/databases/{database}/documents';
const STORAGE_ROOT = '/b/{bucket}/o';

/** Does a rules match pattern (relative, `/a/{b}/{c=**}`) match a concrete path? */
function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const seg = want[i]!;
    if (/^\{\w+=\*\*\}$/.test(seg)) return i === want.length - 1;
    if (i >= have.length) return false;
    if (!/^\{\w+\}$/.test(seg) && seg !== have[i]) return false;
  }
  return want.length === have.length;
}

const EXPAND: Record<string, Operation[]> = { read: ['get', 'list'], write: ['create', 'update', 'delete'] };

/** Operations some allow statement for `path` can grant (conditions other than `false`). */
function grantable(allows: AllowStatement[], root: string, path: string): Operation[] {
  const ops = allows
    .filter((a) => !a.alwaysFalse && matches(a.path.slice(root.length), path))
    .flatMap((a) => a.scopes.flatMap((s) => EXPAND[s] ?? [s as Operation]));
  return OPERATIONS.filter((op) => ops.includes(op));
}

describe('rules table coverage', () => {
  it.each(COLLECTION_DEFS.map((d) => d.name))(
    'collection %s has a row for every actor × operation',
    (name) => {
      const rows = FIRESTORE_ROWS.filter((r) => r.target.collection === name);
      expect(rows).toHaveLength(ACTORS.length * OPERATIONS.length);
      for (const actor of ACTORS)
        for (const op of OPERATIONS) expect(rows.some((r) => r.actor === actor && r.op === op)).toBe(true);
    },
  );

  it('every storagePaths builder is exercised by a storage target with all rows', () => {
    const covered = new Set(STORAGE_TARGETS.flatMap((t) => t.pathKeys));
    expect([...covered].sort()).toEqual(Object.keys(storagePaths).sort());
    for (const target of STORAGE_TARGETS)
      expect(STORAGE_ROWS.filter((r) => r.target === target)).toHaveLength(ACTORS.length * OPERATIONS.length);
  });

  it('has at least 60 asserted rows (reported count below)', () => {
    const matrix = FIRESTORE_ROWS.length + STORAGE_ROWS.length;
    const total = matrix + FIELD_CASES.length + QUERY_CASES.length;
    console.info(
      `rules table: ${FIRESTORE_ROWS.length} Firestore + ${STORAGE_ROWS.length} Storage matrix rows, ` +
        `${FIELD_CASES.length} field-level cases, ${QUERY_CASES.length} query cases = ${total}`,
    );
    expect(matrix).toBeGreaterThanOrEqual(60);
    expect(new Set(FIELD_CASES.map((c) => c.name)).size).toBe(FIELD_CASES.length);
  });

  it.each(COLLECTION_DEFS.map((d) => [d.name, d] as const))(
    '%s: the table lets the owner do exactly what the registry declares',
    (name, def) => {
      const target = COLLECTION_TARGETS[name as keyof typeof COLLECTION_TARGETS];
      const declared =
        def.client.read === 'none'
          ? []
          : ['get', ...(def.client.list ? ['list'] : []), ...(def.client.writes ? ['update'] : [])];
      expect([...target.ownerMay].sort()).toEqual(declared.sort());
      expect(collectionAt(target.docPath)).toBe(def);
    },
  );

  it('only owners are ever allowed, and never to create or delete', () => {
    const allowed = [...FIRESTORE_ROWS, ...STORAGE_ROWS].filter((r) => r.allowed);
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.every((r) => r.actor === 'owner')).toBe(true);
    expect(allowed.filter((r) => r.op === 'create' || r.op === 'delete')).toEqual([]);
    expect(FIELD_CASES.filter((c) => c.allowed && c.actor !== 'owner')).toEqual([]);
  });
});

describe('rules files agree with the table', () => {
  it('firestore.rules names every collection of the registry and ends with a default deny', () => {
    const paths = matchPaths(parseRules(firestoreSource)).map((p) => p.slice(FIRESTORE_ROOT.length));
    for (const def of COLLECTION_DEFS) {
      const pattern = def.pattern.replace('{uid}', '\\{uid\\}').replace('{id}', '\\{\\w+\\}');
      expect(
        paths.some((p) => new RegExp(`^/${pattern}$`).test(p)),
        def.pattern,
      ).toBe(true);
    }
    expect(paths.at(-1)).toBe('/{document=**}');
    expect(firestoreAllows.at(-1)).toMatchObject({ alwaysFalse: true, scopes: ['read', 'write'] });
  });

  it.each(FIRESTORE_TARGETS.map((t) => [t.collection, t] as const))(
    'firestore.rules grants %s exactly what the table lets the owner do',
    (_name, target) => {
      expect(grantable(firestoreAllows, FIRESTORE_ROOT, target.docPath)).toEqual(
        OPERATIONS.filter((op) => target.ownerMay.includes(op)),
      );
    },
  );

  it.each(STORAGE_TARGETS.map((t) => [t.label, t] as const))(
    'storage.rules grants %s exactly what the table lets the owner do',
    (_label, target) => {
      expect(grantable(storageAllows, STORAGE_ROOT, target.objectPath)).toEqual(
        OPERATIONS.filter((op) => target.ownerMay.includes(op)),
      );
    },
  );

  it('every condition that can pass requires the owner (isOwner, joined by && only)', () => {
    const open = [...firestoreAllows, ...storageAllows].filter((a) => !a.alwaysFalse);
    expect(open.length).toBeGreaterThan(0);
    for (const allow of open) {
      expect(allow.calls[0]).toBe('isOwner');
      expect(allow.joins.every((j) => j === '&&')).toBe(true);
    }
  });
});

describe('firestore.rules field lists match the shared schemas', () => {
  const list = (pattern: RegExp) => {
    const found = pattern.exec(firestoreSource)?.[1];
    expect(found, String(pattern)).toBeDefined();
    return [...found!.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  };

  const writable = (name: 'users' | 'generations') => {
    const { client } = collections[name];
    return client.read === 'owner' && client.writes ? Object.keys(client.writes.shape) : [];
  };

  it('the user doc update allows exactly the registry’s client-writable fields', () => {
    expect(list(/affectedKeys\(\)\.hasOnly\((\[[^\]]*'locale'[^\]]*\])\)/)).toEqual(writable('users'));
  });

  it('settings keys are exactly userSettingsSchema keys', () => {
    expect(list(/s\.keys\(\)\.hasOnly\((\[[^\]]+\])\)/).sort()).toEqual(
      Object.keys(userSettingsSchema.shape).sort(),
    );
  });

  it('enum lists match PROMPT_STYLES and LOCALES', () => {
    expect(list(/'promptStyle', '[^']+'\) in (\[[^\]]+\])/)).toEqual([...PROMPT_STYLES]);
    expect(list(/'promptLanguage', '[^']+'\) in (\[[^\]]+\])/)).toEqual([...LOCALES]);
    expect(list(/data\.locale in (\[[^\]]+\])/)).toEqual([...LOCALES]);
  });

  it('a generation update allows exactly the registry’s client-writable fields', () => {
    expect(list(/affectedKeys\(\)\.hasOnly\((\['favorite'\])\)/)).toEqual(writable('generations'));
  });
});

describe('rules fixtures', () => {
  it('seed documents of every collection match the registry’s schema', () => {
    const seen = new Set<string>();
    for (const [path, data] of Object.entries(FIRESTORE_SEED)) {
      const def = collectionAt(path);
      if (!def) continue;
      seen.add(def.name);
      const result = def.schema.safeParse(data);
      expect(result.success, `${path}: ${result.error?.message}`).toBe(true);
    }
    expect([...seen].sort()).toEqual(COLLECTION_DEFS.map((d) => d.name).sort());
    for (const def of COLLECTION_DEFS)
      expect(FIRESTORE_SEED[COLLECTION_TARGETS[def.name as keyof typeof SEED_DOCS].docPath]).toBeDefined();
  });
});
