/**
 * From a path back to its registry entry: how the server's Store and the client data port find
 * the schema of whatever they read, whatever built the path.
 */
import type { DocConverter } from '../converter.js';
import type { AnyCollectionDef, CollectionPath, DocPath, PlainData } from './define.js';
import { COLLECTION_DEFS } from './registry.js';

/** The entry whose documents live at `path` (a document path), or undefined outside the registry. */
export function collectionAt(path: string): AnyCollectionDef | undefined {
  const p = path.split('/');
  if (p.length === 2) return COLLECTION_DEFS.find((d) => d.level === 'top' && d.name === p[0]);
  if (p.length === 4 && p[0] === 'users')
    return COLLECTION_DEFS.find((d) => d.level === 'user' && d.name === p[2]);
  return undefined;
}

/**
 * The entry a query reads: `collection` is a collection path (`users/u1/generations`), or with
 * `group` a collection id.
 */
export function collectionOf(collection: string, group = false): AnyCollectionDef | undefined {
  if (group) return COLLECTION_DEFS.find((d) => d.name === collection);
  return collectionAt(`${collection}/_`);
}

/**
 * Validates data read at `path` against its collection's schema (throwing
 * `InvalidDocumentError` with the path and the first failing field); data outside the registry
 * passes through as it is.
 */
export function parseStored(path: string, data: PlainData): unknown {
  const def = collectionAt(path);
  return def ? def.parse(path, data) : data;
}

/** The validating converter of a registry path's collection (clients read through it). */
export function converterAt<T>(path: DocPath<T, unknown> | CollectionPath<T>): DocConverter<T> {
  const def = collectionAt(path) ?? collectionOf(path);
  if (!def) throw new Error(`${path} is not a path of the collection registry`);
  return def.converter as DocConverter<T>;
}
