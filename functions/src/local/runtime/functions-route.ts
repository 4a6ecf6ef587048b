/**
 * Serves callables and HTTP functions the way the Functions emulator does: at
 * `/{project}/{region}/{name}`, behind the body parsers its runtime uses (JSON, text, form and
 * raw, 32 MB, each keeping `req.rawBody` — the Stripe webhook verifies its signature on it), with
 * `trust proxy` on, calling the real trigger object with the request and response.
 */
import express, { type Request, type Router } from 'express';
import bodyParser from 'body-parser';
import type { Triggers } from './triggers.js';

const LIMIT = '32mb';
const keepRaw = (req: Request, _res: unknown, buf: Buffer) => {
  (req as Request & { rawBody?: Buffer }).rawBody = buf;
};

export function functionsRoute(projectId: string, http: Triggers['http']): Router {
  const router = express.Router();
  router.use(
    bodyParser.json({ limit: LIMIT, verify: keepRaw }),
    bodyParser.text({ limit: LIMIT, verify: keepRaw }),
    bodyParser.urlencoded({ extended: true, limit: LIMIT, verify: keepRaw }),
    bodyParser.raw({ type: '*/*', limit: LIMIT, verify: keepRaw }),
  );
  router.all('/:project/:region/:name', async (req, res, next) => {
    const { project, region, name } = req.params;
    if (project !== projectId) return next();
    const fn = http.get(name);
    if (!fn || fn.region !== region) {
      res
        .status(404)
        .send(
          `Function ${region}-${name} does not exist, valid functions are: ${[...http.keys()].join(', ')}`,
        );
      return;
    }
    try {
      await fn.trigger(req, res);
    } catch (err) {
      console.error(`[functions] ${name} threw`, err);
      if (!res.headersSent) res.status(500).send(err instanceof Error ? err.message : String(err));
    }
  });
  return router;
}
