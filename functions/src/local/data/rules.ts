/**
 * The local backend's read side applies exactly what firestore.rules and storage.rules allow a
 * client — no more — taking who may do what from the collection registry (`client` of each
 * entry): owners read their own user document, generations and ledger; list only their own
 * generations and ledger; change only the registry's client-writable fields (`locale`/`settings`,
 * a generation's `favorite`), validated by its schemas as the rules validate them; download only
 * their own generated images and exports. Every other path, collection group, create and delete
 * is refused. The rules table in tests/rules is run against this module through the HTTP API
 * (tests/offline/local-rules.test.ts), so the registry and firestore.rules cannot drift apart.
 *
 * Kept in the rules' own shape (match → allow) so a reader can hold the two side by side; the
 * rules files remain the source of truth, evaluated for real by the Emulator Suite.
 */
import { collectionAt, storagePaths, type AnyCollectionDef } from '@mimicit/shared';
import { DELETE_FIELD } from '@mimicit/client-data/wire';
import type { Data, QuerySpec } from '../../lib/store/types.js';

/** The caller, as the rules see `request.auth` (null when signed out). */
export type Caller = { uid: string } | null;

const isOwner = (caller: Caller, uid: string | undefined) => caller !== null && caller.uid === uid;

/** The registry entry of a document path clients may read (`match` + `allow read`), else null. */
function readable(path: string): AnyCollectionDef | null {
  if (path.split('/').some((s) => s === '')) return null;
  const def = collectionAt(path);
  return def && def.client.read === 'owner' ? def : null;
}

/** `allow get`: the owner of a collection the registry opens to its owner. */
export function mayGet(caller: Caller, path: string): boolean {
  const def = readable(path);
  return def !== null && isOwner(caller, def.ownerOf(path));
}

/** `allow list`: a query on the caller's own collection that the registry lets its owner list. */
export function mayList(caller: Caller, spec: Pick<QuerySpec, 'collection' | 'group'>): boolean {
  if (spec.group) return false;
  const probe = `${spec.collection}/_`;
  const def = readable(probe);
  return (
    def !== null && def.client.read === 'owner' && def.client.list && isOwner(caller, def.ownerOf(probe))
  );
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  if (isMap(a) && isMap(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

/** `request.resource.data` of an update: the stored document with `fields` applied. */
export function applyUpdate(before: Data, fields: Data): Data {
  const after: Data = { ...before };
  for (const [key, value] of Object.entries(fields)) {
    if (value === DELETE_FIELD) delete after[key];
    else after[key] = value;
  }
  return after;
}

/** `request.resource.data.diff(resource.data).affectedKeys()`. */
function affectedKeys(before: Data, after: Data): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !(k in before && k in after && sameValue(before[k], after[k])));
}

/**
 * `allow update`: `before` is the stored document (undefined when missing — an update needs an
 * existing document, and the rules read `resource.data`), `after` the result of the update. Only
 * the registry's client-writable fields may change, and the document must then hold valid
 * values for all of them (the registry's schema states firestore.rules' checks).
 */
export function mayUpdate(caller: Caller, path: string, before: Data | undefined, after: Data): boolean {
  const def = readable(path);
  if (!def || !before || !isOwner(caller, def.ownerOf(path))) return false;
  const writes = def.client.read === 'owner' ? def.client.writes : null;
  if (!writes) return false;
  const fields = Object.keys(writes.shape);
  if (!affectedKeys(before, after).every((k) => fields.includes(k))) return false;
  return writes.safeParse(Object.fromEntries(fields.map((k) => [k, after[k]]))).success;
}

/** storage.rules `allow get`: the owner's generated images and data exports. */
export function mayReadObject(caller: Caller, path: string): boolean {
  const p = path.split('/');
  if (p.some((s) => s === '' || s === '.' || s === '..')) return false;
  // `{file=**}` matches zero or more further segments.
  const uid = p[1] ?? '';
  const owned = [storagePaths.generationPrefix(uid), storagePaths.exportPrefix(uid)];
  return uid !== '' && owned.some((prefix) => `${path}/`.startsWith(prefix)) && isOwner(caller, uid);
}
/** storage.rules: nobody may list folders, so no one can enumerate anybody's files. */
export function mayListObjects(_caller: Caller, _prefix: string): boolean {
  return false;
}
