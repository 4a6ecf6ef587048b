/**
 * The local-mode adapter of the client data port: plain HTTP to the local backend
 * (functions/src/local) with the caller's Firebase ID token, and live reads as server-sent events
 * over `fetch`. The backend allows exactly the reads and writes firestore.rules and storage.rules
 * allow. Development only: the web app and the extension import this module behind a
 * compile-time check, so production bundles do not contain it.
 */
import { converterAt } from '@mimicit/shared';
import { DataError, withTimeout } from '../errors.js';
import type { ClientDataPort, ClientQuery, WithId } from '../types.js';
import { LOCAL_API, decodeWire, encodeWire, type WireCursor, type WireDoc, type WireError } from '../wire.js';
import { openStream } from './stream.js';

export interface LocalDataPortOptions {
  /** The local backend's origin, e.g. `http://127.0.0.1:5001`. */
  baseUrl: string;
  /** The signed-in person's Firebase ID token, or null when signed out. */
  idToken: () => Promise<string | null>;
  fetch?: typeof fetch;
}

/** A document as the backend sent it, validated by its collection's converter (the registry's). */
function toDoc<T>(wire: WireDoc): WithId<T> {
  const data = decodeWire(wire.data) as Record<string, unknown>;
  const converter = converterAt<T>(wire.path as never);
  return {
    ...converter.fromFirestore({ id: wire.id, ref: { path: wire.path }, data: () => data }),
    id: wire.id,
  };
}

/** Builds the local adapter. */
export function createLocalDataPort(options: LocalDataPortOptions): ClientDataPort {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = (path: string, params?: Record<string, string>) =>
    `${options.baseUrl}${path}${params ? `?${new URLSearchParams(params)}` : ''}`;

  async function headers(json = false): Promise<Record<string, string>> {
    const token = await options.idToken();
    return {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  async function request(path: string, init: RequestInit & { params?: Record<string, string> } = {}) {
    let res: Response;
    try {
      res = await withTimeout(fetchFn(url(path, init.params), init));
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError('unavailable', 'The local backend is unreachable');
    }
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as WireError | null;
    throw new DataError(body?.error.code ?? 'unknown', body?.error.message ?? `HTTP ${res.status}`);
  }

  const queryBody = <T>(query: ClientQuery<T>, after?: WireCursor | null) =>
    JSON.stringify(encodeWire({ ...query, ...(after ? { after } : {}) }));

  return {
    async getDoc(path) {
      const res = await request(LOCAL_API.doc, { params: { path }, headers: await headers() });
      const body = (await res.json()) as { doc: WireDoc | null };
      return body.doc ? toDoc(body.doc) : null;
    },

    watchDoc(path, onData, onError) {
      return openStream(
        fetchFn,
        { url: url(LOCAL_API.watchDoc, { path }), method: 'GET' },
        () => headers(),
        (payload) => {
          const { doc } = payload as { doc: WireDoc | null };
          try {
            onData(doc ? toDoc(doc) : null);
          } catch (err) {
            onError(err);
          }
        },
        onError,
      );
    },

    async queryPage(query, cursor) {
      const res = await request(LOCAL_API.query, {
        method: 'POST',
        headers: await headers(true),
        body: queryBody(query, cursor as WireCursor | undefined),
      });
      const body = (await res.json()) as { docs: WireDoc[]; next: unknown };
      // Kept decoded (Dates as Dates) and encoded again with the next request.
      const next = body.next ? (decodeWire(body.next) as WireCursor) : null;
      return { items: body.docs.map((d) => toDoc(d)), cursor: next };
    },

    watchQuery(query, onData, onError) {
      return openStream(
        fetchFn,
        { url: url(LOCAL_API.watchQuery), method: 'POST', body: queryBody(query) },
        () => headers(true),
        (payload) => {
          try {
            onData((payload as { docs: WireDoc[] }).docs.map((d) => toDoc(d)));
          } catch (err) {
            onError(err);
          }
        },
        onError,
      );
    },

    async update(path, fields) {
      await request(LOCAL_API.doc, {
        method: 'PATCH',
        headers: await headers(true),
        body: JSON.stringify({ path, fields: encodeWire(fields) }),
      });
    },

    async readBlob(path) {
      const res = await request(LOCAL_API.blob, { params: { path }, headers: await headers() });
      return res.blob();
    },
  };
}
