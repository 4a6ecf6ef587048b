// Local mode's read side against the rules table of tests/rules: every get, list and update row
// of the Firestore table, the field-level update cases and the product's queries, and the get
// and list rows of the Storage table, through the local backend's real HTTP API (rules, token
// checks, store). The emulator tier runs the whole table against firestore.rules/storage.rules.
// Local mode offers no client create or delete at all (every such row is "denied" by absence),
// so those rows are not run here.
import { LOCAL_API, DELETE_FIELD as WIRE_DELETE, encodeWire } from '@mimicit/client-data/wire';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorIdToken, serveDataApi, type DataApiServer } from '../../functions/test/kits/local';
import { DELETE_FIELD, FIELD_CASES, QUERY_CASES } from '../rules/cases';
import { FIRESTORE_SEED, STORAGE_SEED } from '../rules/fixtures';
import type { QuerySpec } from '../rules/queries';
import { ACTOR_UID, FIRESTORE_ROWS, STORAGE_ROWS, rowTitle, type Actor } from '../rules/table';

let api: DataApiServer;
beforeAll(async () => {
  api = await serveDataApi();
});
afterAll(() => api?.close());

/** Puts every seed document and object back (rows may change them). */
async function seed(): Promise<void> {
  const ops = Object.entries(FIRESTORE_SEED).map(([path, data]) => ({ kind: 'set' as const, path, data }));
  await api.store.batch(ops);
  for (const path of STORAGE_SEED) await api.blobs.save(path, new Uint8Array([0x89, 0x50]), 'image/png');
}
beforeEach(seed);

async function call(
  actor: Actor,
  path: string,
  init: RequestInit & { params?: Record<string, string> } = {},
) {
  const uid = ACTOR_UID[actor];
  const query = init.params ? `?${new URLSearchParams(init.params)}` : '';
  const res = await fetch(`${api.url}${path}${query}`, {
    ...init,
    headers: {
      ...(uid ? { authorization: `Bearer ${emulatorIdToken(uid)}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  const body =
    res.status === 204 ? null : ((await res.json().catch(() => null)) as { error?: { code: string } } | null);
  return { status: res.status, code: body?.error?.code };
}

const get = (actor: Actor, path: string) => call(actor, LOCAL_API.doc, { params: { path } });
const list = (actor: Actor, spec: QuerySpec) =>
  call(actor, LOCAL_API.query, {
    method: 'POST',
    body: JSON.stringify(
      encodeWire({
        collection: spec.collection,
        group: spec.group,
        where: spec.where,
        orderBy: spec.orderBy?.[0],
        limit: spec.limit ?? 20,
        after:
          spec.startAfter === undefined
            ? undefined
            : { values: [spec.startAfter], path: `${spec.collection}/~` },
      }),
    ),
  });
const update = (actor: Actor, path: string, fields: Record<string, unknown>) =>
  call(actor, LOCAL_API.doc, {
    method: 'PATCH',
    body: JSON.stringify({
      path,
      fields: encodeWire(
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === DELETE_FIELD ? WIRE_DELETE : v])),
      ),
    }),
  });

function expectVerdict(outcome: { status: number; code?: string }, allowed: boolean): void {
  if (allowed) expect(outcome.status, JSON.stringify(outcome)).toBeLessThan(300);
  else expect(outcome).toEqual({ status: 403, code: 'permission-denied' });
}

describe('local read side: Firestore access table (get, list, update rows)', () => {
  const rows = FIRESTORE_ROWS.filter((r) => r.op === 'get' || r.op === 'list' || r.op === 'update');
  it.each(rows.map((row) => [rowTitle(row.target.collection, row.actor, row.op, row.allowed), row] as const))(
    '%s',
    async (_title, { target, actor, op, allowed }) => {
      const outcome =
        op === 'get'
          ? await get(actor, target.docPath)
          : op === 'list'
            ? await list(actor, target.list)
            : await update(actor, target.docPath, target.update);
      expectVerdict(outcome, allowed);
    },
  );
});

describe('local read side: field-level update cases', () => {
  const cases = FIELD_CASES.filter((c) => c.op === 'update');
  it.each(cases.map((c) => [`${c.name} → ${c.allowed ? 'allowed' : 'denied'}`, c] as const))(
    '%s',
    async (_title, { actor, path, data, allowed }) => {
      const before = (await api.store.get(path)).data;
      expectVerdict(await update(actor, path, data), allowed);
      const after = (await api.store.get(path)).data;
      if (allowed) for (const [key, value] of Object.entries(data)) expect(after?.[key]).toEqual(value);
      else expect(after).toEqual(before);
    },
  );
});

describe('local read side: the product’s queries (rules are not filters)', () => {
  it.each(QUERY_CASES.map((c) => [`${c.name} → ${c.allowed ? 'allowed' : 'denied'}`, c] as const))(
    '%s',
    async (_title, { actor, query, allowed }) => expectVerdict(await list(actor, query), allowed),
  );
});

describe('local read side: Storage access table (get and list rows)', () => {
  const rows = STORAGE_ROWS.filter((r) => r.op === 'get' || r.op === 'list');
  it.each(rows.map((row) => [rowTitle(row.target.label, row.actor, row.op, row.allowed), row] as const))(
    '%s',
    async (_title, { target, actor, op, allowed }) => {
      const outcome =
        op === 'get'
          ? await call(actor, LOCAL_API.blob, { params: { path: target.objectPath } })
          : await call(actor, LOCAL_API.blobList, { params: { prefix: target.listPrefix } });
      expectVerdict(outcome, allowed);
    },
  );
});
