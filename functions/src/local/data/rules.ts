/**
 * The local backend's read side applies exactly what firestore.rules and storage.rules allow a
 * client — no more: owners read their own user document, generations and ledger; list only
 * their own generations and ledger; change only `locale`/`settings` (validated as the rules do)
 * and a generation's `favorite`; download only their own generated images and exports. Every
 * other path, collection group, create and delete is refused. The rules table in tests/rules is
 * run against this module through the HTTP API (functions/src/local/rules-table.test.ts).
 *
 * Kept in the rules' own shape (match → allow) so a reader can hold the two side by side; the
 * rules files remain the source of truth, evaluated for real by the Emulator Suite.
 */
import { DELETE_FIELD } from '@mimicit/client-data/wire';
import type { Data, QuerySpec } from '../../lib/store/types.js';

/** The caller, as the rules see `request.auth` (null when signed out). */
export type Caller = { uid: string } | null;

const isOwner = (caller: Caller, uid: string | undefined) => caller !== null && caller.uid === uid;

/** `users/{uid}`, `users/{uid}/generations/{id}` or `users/{uid}/ledger/{id}`, else null. */
function userMatch(path: string): { uid: string; sub?: 'generations' | 'ledger'; id?: string } | null {
  const p = path.split('/');
  if (p.some((s) => s === '') || p[0] !== 'users' || !p[1]) return null;
  if (p.length === 2) return { uid: p[1] };
  if (p.length === 4 && (p[2] === 'generations' || p[2] === 'ledger'))
    return { uid: p[1], sub: p[2], id: p[3] };
  return null;
}

/** `allow get`. */
export function mayGet(caller: Caller, path: string): boolean {
  const m = userMatch(path);
  return m !== null && isOwner(caller, m.uid);
}

/** `allow list`: a query on the caller's own generations or ledger (no collection groups). */
export function mayList(caller: Caller, spec: Pick<QuerySpec, 'collection' | 'group'>): boolean {
  if (spec.group) return false;
  const m = userMatch(`${spec.collection}/x`);
  return m !== null && m.sub !== undefined && isOwner(caller, m.uid);
}

const SETTINGS_KEYS = ['defaultPromptModel', 'defaultImageModel', 'promptStyle', 'promptLanguage'];
const PROMPT_STYLES = ['natural', 'tags', 'midjourney', 'stable-diffusion'];
const LOCALES = ['en', 'ja'];

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** `isValidSettings(s)` of firestore.rules, clause by clause. */
export function isValidSettings(s: unknown): boolean {
  if (!isMap(s)) return false;
  if (!Object.keys(s).every((k) => SETTINGS_KEYS.includes(k))) return false;
  // `s.get(key, 'unset') is string`: only an absent key takes the default.
  const str = (key: string) => {
    const v = key in s ? s[key] : 'unset';
    return typeof v === 'string' && v.length <= 64;
  };
  return (
    str('defaultPromptModel') &&
    str('defaultImageModel') &&
    PROMPT_STYLES.includes(s.promptStyle === undefined ? 'natural' : (s.promptStyle as string)) &&
    LOCALES.includes(s.promptLanguage === undefined ? 'en' : (s.promptLanguage as string))
  );
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
 * existing document, and the rules read `resource.data`), `after` the result of the update.
 */
export function mayUpdate(caller: Caller, path: string, before: Data | undefined, after: Data): boolean {
  const m = userMatch(path);
  if (!m || !before || !isOwner(caller, m.uid)) return false;
  const changed = affectedKeys(before, after);
  if (m.sub === undefined) {
    return (
      changed.every((k) => k === 'locale' || k === 'settings') &&
      LOCALES.includes(after.locale as string) &&
      isValidSettings(after.settings)
    );
  }
  if (m.sub === 'generations')
    return changed.every((k) => k === 'favorite') && typeof after.favorite === 'boolean';
  return false;
}

/** storage.rules `allow get`: the owner's generated images and data exports. */
export function mayReadObject(caller: Caller, path: string): boolean {
  const p = path.split('/');
  if (p.some((s) => s === '' || s === '.' || s === '..')) return false;
  const [top, uid, folder] = p;
  // `{file=**}` matches zero or more further segments.
  if (top === 'users' && folder === 'generations') return isOwner(caller, uid);
  if (top === 'exports' && p.length >= 2) return isOwner(caller, uid);
  return false;
}

/** storage.rules: nobody may list folders, so no one can enumerate anybody's files. */
export function mayListObjects(_caller: Caller, _prefix: string): boolean {
  return false;
}
