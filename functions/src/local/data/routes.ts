/**
 * The local data API: the reads (and the few writes) the web app and the extension make
 * through the client data port's local adapter, under the rules of `rules.ts`.
 */
import { Router, json, type Request, type Response } from 'express';
import cors from 'cors';
import { LOCAL_API, decodeWire, type WireCursor } from '@mimicit/client-data/wire';
import type { BlobStore } from '../../lib/blobs/types.js';
import { fieldValue } from '../../lib/store/values.js';
import type { Data, Snapshot } from '../../lib/store/types.js';
import type { FileStore } from '../store/file-store.js';
import { callerOf, type TokenVerifier } from './caller.js';
import { ApiError, denied, sendError, sendJson } from './http.js';
import {
  assertNoNestedDelete,
  parseRequest,
  queryRequestSchema,
  updateRequestSchema,
  type QueryRequest,
} from './requests.js';
import { applyUpdate, mayGet, mayList, mayListObjects, mayReadObject, mayUpdate } from './rules.js';
import { WatchHub } from './watch.js';

export interface DataApiDeps {
  store: FileStore;
  blobs: BlobStore;
  verify: TokenVerifier;
}

/** Everything of the data API lives under this prefix (its parsers touch nothing else). */
const LOCAL_PREFIX = '/local/v1';

// As stored: the client's converter validates, as it does with Firestore.
const wireDoc = (s: Snapshot<unknown>) => ({ id: s.id, path: s.path, data: s.unvalidated });

function stringParam(req: Request, name: string): string {
  const v = req.query[name];
  if (typeof v !== 'string' || !v) throw new ApiError(400, 'invalid-argument', `Missing ?${name}=`);
  return v;
}

/** Wraps a handler: the caller is resolved first, any failure becomes the API's error shape. */
function route(
  verify: TokenVerifier,
  handler: (req: Request, res: Response, caller: Awaited<ReturnType<typeof callerOf>>) => Promise<void>,
) {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res, await callerOf(req, verify));
    } catch (err) {
      sendError(res, err);
    }
  };
}

export function dataApi({ store, blobs, verify }: DataApiDeps): Router {
  const router = Router();
  const hub = new WatchHub(store);
  // Any origin, as the Functions emulator's `enableCors` does: answers need the bearer token,
  // never a cookie, so a foreign page gains nothing.
  router.use(LOCAL_PREFIX, cors({ origin: true, methods: ['GET', 'POST', 'PATCH'], maxAge: 600 }));
  router.use(LOCAL_PREFIX, json({ limit: '1mb' }));

  const runQuery = async (q: QueryRequest) => {
    const rows = await store.query({
      collection: q.collection,
      where: q.where,
      orderBy: q.orderBy ? [q.orderBy] : [],
      limit: q.limit,
      // The stored order is the orderBy values, then the path: a cursor with both is exact.
      startAfter: q.after ? [...q.after.values, q.after.path] : undefined,
    });
    const last = rows.at(-1);
    const values = (data: Data | undefined) => (q.orderBy ? [fieldValue(data ?? {}, q.orderBy[0])] : []);
    const next: WireCursor | null =
      last && rows.length === q.limit ? { values: values(last.unvalidated), path: last.path } : null;
    return { docs: rows.map(wireDoc), next };
  };

  const readDoc = async (path: string) => {
    const snap = await store.get(path);
    return { doc: snap.exists ? wireDoc(snap) : null };
  };

  router.get(LOCAL_API.health, (_req, res) => {
    res.json({ ok: true, pid: process.pid, streams: hub.size });
  });

  router.get(
    LOCAL_API.doc,
    route(verify, async (req, res, caller) => {
      const path = stringParam(req, 'path');
      if (!mayGet(caller, path)) throw denied();
      sendJson(res, await readDoc(path));
    }),
  );

  router.patch(
    LOCAL_API.doc,
    route(verify, async (req, res, caller) => {
      const { path, fields } = parseRequest(updateRequestSchema, decodeWire(req.body));
      for (const v of Object.values(fields)) assertNoNestedDelete(v);
      const allowed = await store.runTransaction(async (tx) => {
        const before = (await tx.get(path)).unvalidated;
        const after = before && applyUpdate(before, fields as Data);
        if (!after || !mayUpdate(caller, path, before, after)) return false;
        tx.set(path, after);
        return true;
      });
      if (!allowed) throw denied();
      res.status(204).end();
    }),
  );

  router.post(
    LOCAL_API.query,
    route(verify, async (req, res, caller) => {
      const q = parseRequest(queryRequestSchema, decodeWire(req.body));
      if (!mayList(caller, q)) throw denied();
      sendJson(res, await runQuery(q));
    }),
  );

  router.get(
    LOCAL_API.watchDoc,
    route(verify, async (req, res, caller) => {
      const path = stringParam(req, 'path');
      if (!mayGet(caller, path)) throw denied();
      hub.stream(
        req,
        res,
        (paths) => paths.includes(path),
        () => readDoc(path),
      );
    }),
  );

  router.post(
    LOCAL_API.watchQuery,
    route(verify, async (req, res, caller) => {
      const q = parseRequest(queryRequestSchema, decodeWire(req.body));
      if (!mayList(caller, q) || q.after) throw denied();
      const prefix = `${q.collection}/`;
      hub.stream(
        req,
        res,
        (paths) => paths.some((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')),
        async () => ({ docs: (await runQuery(q)).docs }),
      );
    }),
  );

  router.get(
    LOCAL_API.blob,
    route(verify, async (req, res, caller) => {
      const path = stringParam(req, 'path');
      if (!mayReadObject(caller, path)) throw denied();
      const object = await blobs.read(path);
      if (!object) throw new ApiError(404, 'not-found', 'No such object.');
      res
        .status(200)
        .set({ 'content-type': object.contentType, 'cache-control': 'private, no-store' })
        .send(Buffer.from(object.bytes));
    }),
  );

  router.get(
    LOCAL_API.blobList,
    route(verify, async (req, _res, caller) => {
      if (!mayListObjects(caller, stringParam(req, 'prefix'))) throw denied();
      throw new ApiError(501, 'unimplemented', 'Listing is never allowed.');
    }),
  );

  return router;
}
