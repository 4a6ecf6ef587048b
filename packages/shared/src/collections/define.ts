/**
 * How a collection is declared (see `registry.ts`) and the typed paths it hands out. A
 * `DocPath<T>` is a plain string at run time; its type says which document it names, so the
 * server's Store, the client data port and the export infer the document type from the path
 * instead of a caller asserting it. No Firebase SDK is imported here.
 */
import type { z } from 'zod';
import {
  firestoreConverter,
  InvalidDocumentError,
  timestampsToDates,
  type DocConverter,
} from '../converter.js';

declare const docType: unique symbol;
declare const clientWriteType: unique symbol;
declare const rowType: unique symbol;

/** A document path whose document is a `T`; a client may write the fields `W` to it. */
export type DocPath<T, W = never> = string & { readonly [docType]: T; readonly [clientWriteType]: W };

/** A collection path (or, for collection-group queries, a collection id) whose documents are `T`s. */
export type CollectionPath<T> = string & { readonly [rowType]: T };

/** Plain document data: what a path outside the registry reads as. */
export type PlainData = Record<string, unknown>;

/** The document type of a path: its collection's for a registry path, plain data otherwise. */
export type DocAt<P> = P extends { readonly [docType]: infer T } ? T : PlainData;

/** The document type of a query's collection (plain data for a collection outside the registry). */
export type RowAt<P> = P extends { readonly [rowType]: infer T } ? T : PlainData;

/** What an update may change at a path: some of its document's fields (any field outside the registry). */
export type DocUpdateAt<P> = P extends { readonly [docType]: infer T } ? Partial<T> : PlainData;

/** A field a query may filter or order the rows of `P` on (a dotted path reaches into maps). */
export type RowFieldAt<P> = P extends { readonly [rowType]: infer T }
  ? (keyof T & string) | `${keyof T & string}.${string}`
  : string;

/** The fields a client may write to a path (`never` where it may write nothing). */
export type ClientWriteAt<P> = P extends { readonly [clientWriteType]: infer W } ? W : never;

/** Where a collection sits: at the top level, or under `users/{uid}`. */
export type Level = 'top' | 'user';

type DocIds<L extends Level> = L extends 'top' ? [id: string] : [uid: string, id: string];
type ParentIds<L extends Level> = L extends 'top' ? [] : [uid: string];

/** Field names of `T` whose value is a `Date` (possibly optional): what a TTL policy can use. */
export type DateField<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never;
}[keyof T] &
  string;

/**
 * What a client may do. `owner`: the signed-in person whose uid is in the path may read (and
 * with `list`, query) it and change `writes`' fields, validated by that schema exactly as
 * firestore.rules validates them; nobody else may do anything. `none`: server only.
 */
export type ClientAccess<WS extends z.ZodObject | null> =
  { read: 'none' } | { read: 'owner'; list: boolean; writes: WS };

/** The TTL decision: the field a Firestore TTL policy deletes on, or why there is none. */
export type TtlDecision<T> = { field: DateField<T> } | { none: string };

/**
 * What account deletion and the data export do with a collection. A collection that holds
 * someone's personal data says where their documents are, whether the export carries them
 * (or why not), and whether the purge deletes them or keeps them minimized (payments, tax law).
 */
export type AccountDecision<T> =
  | { holds: 'nothing-personal'; why: string }
  | {
      holds: 'personal';
      /**
       * `profile`: the `users/{uid}` document itself. `under-user`: documents below it.
       * `owner-field`: top-level documents that name the uid in `field`. `owner-id`: a
       * top-level document whose id is the uid.
       */
      at: 'profile' | 'under-user' | { ownerField: keyof T & string } | 'owner-id';
      export: 'included' | { omitted: string };
      purge: 'delete' | { minimize: string };
    };

/** What a registry entry declares. */
export interface CollectionSpec<
  Name extends string,
  L extends Level,
  S extends z.ZodObject,
  WS extends z.ZodObject | null,
  A extends AccountDecision<z.output<S>> = AccountDecision<z.output<S>>,
> {
  /** The collection id (the path segment). */
  name: Name;
  level: L;
  /** The stored document's shape: every document any deployed version wrote must fit it. */
  schema: S;
  client: ClientAccess<WS>;
  ttl: TtlDecision<z.output<S>>;
  account: A;
}

type ClientWrite<WS> = WS extends z.ZodObject ? Partial<z.output<WS>> : never;

/** A registry entry: the declaration plus its typed paths, converter and parser. */
export interface CollectionDef<
  Name extends string = string,
  L extends Level = Level,
  S extends z.ZodObject = z.ZodObject,
  WS extends z.ZodObject | null = z.ZodObject | null,
  A extends AccountDecision<z.output<S>> = AccountDecision<z.output<S>>,
> extends CollectionSpec<Name, L, S, WS, A> {
  /** `users/{uid}/generations/{id}`: the rules-style pattern of one document. */
  readonly pattern: string;
  /** The path of one document. */
  doc(...ids: DocIds<L>): DocPath<z.output<S>, ClientWrite<WS>>;
  /** The path of the collection, for queries. */
  in(...parent: ParentIds<L>): CollectionPath<z.output<S>>;
  /** The collection id for a collection-group query (`{ collection: def.group, group: true }`). */
  readonly group: CollectionPath<z.output<S>>;
  /** The uid a path of this collection belongs to (its `{uid}` segment), if it has one. */
  ownerOf(path: string): string | undefined;
  /** A Firestore data converter of either SDK that validates with {@link schema}. */
  readonly converter: DocConverter<z.output<S>>;
  /** Validates stored data read at `path` (Timestamps already Dates, or Timestamp-like). */
  parse(path: string, data: unknown): z.output<S>;
}

/** Any registry entry, seen without its types (what lookups and generic code work with). */
export interface AnyCollectionDef {
  readonly name: string;
  readonly level: Level;
  readonly schema: z.ZodObject;
  readonly client: ClientAccess<z.ZodObject | null>;
  readonly ttl: { field: string } | { none: string };
  readonly account: AccountDecision<PlainData>;
  readonly pattern: string;
  doc(...ids: string[]): string;
  in(...parent: string[]): string;
  readonly group: string;
  ownerOf(path: string): string | undefined;
  readonly converter: DocConverter<unknown>;
  parse(path: string, data: unknown): unknown;
}

/** Declares one collection: its paths, converter and parser come from its name and level. */
export function defineCollection<
  const Name extends string,
  L extends Level,
  S extends z.ZodObject,
  const A extends AccountDecision<z.output<S>>,
  WS extends z.ZodObject | null = null,
>(spec: CollectionSpec<Name, L, S, WS, A>): CollectionDef<Name, L, S, WS, A> {
  type Def = CollectionDef<Name, L, S, WS, A>;
  const under = (uid: string) => `users/${uid}/${spec.name}`;
  const top = spec.level === 'top';
  return {
    ...spec,
    pattern: top ? `${spec.name}/{id}` : `users/{uid}/${spec.name}/{id}`,
    doc: ((...ids: string[]) =>
      top ? `${spec.name}/${ids[0]}` : `${under(ids[0]!)}/${ids[1]}`) as unknown as Def['doc'],
    in: ((...parent: string[]) => (top ? spec.name : under(parent[0]!))) as unknown as Def['in'],
    group: spec.name as string as CollectionPath<z.output<S>>,
    ownerOf(path) {
      const [first, second] = path.split('/');
      if (!top) return first === 'users' ? second : undefined;
      const { account } = spec;
      const keyedByUid =
        account.holds === 'personal' && (account.at === 'profile' || account.at === 'owner-id');
      return keyedByUid && first === spec.name ? second : undefined;
    },
    converter: firestoreConverter(spec.schema),
    parse(path, data) {
      const result = spec.schema.safeParse(timestampsToDates(data));
      if (!result.success) throw new InvalidDocumentError(path, result.error.issues);
      return result.data;
    },
  };
}
