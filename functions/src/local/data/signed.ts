/**
 * Signed download links in local mode (what `BlobStore.signedUrl` hands out — data exports and
 * their image links): `/local/v1/signed?path&expires&sig`, an HMAC over path and expiry, like a
 * Cloud Storage V4 signed URL. Anyone holding the link may read that one object until it
 * expires; nothing else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { BlobStore } from '../../lib/blobs/types.js';

export const SIGNED_PATH = '/local/v1/signed';

export interface BlobLinks {
  sign(path: string, expiresInMs: number): string;
  router(blobs: BlobStore): Router;
}

export function blobLinks(key: string, origin: () => string, now: () => number = Date.now): BlobLinks {
  const mac = (path: string, expires: string) =>
    createHmac('sha256', key).update(`${path}\n${expires}`).digest('hex');
  return {
    sign(path, expiresInMs) {
      const expires = String(now() + expiresInMs);
      const query = new URLSearchParams({ path, expires, sig: mac(path, expires) });
      return `${origin()}${SIGNED_PATH}?${query}`;
    },
    router(blobs) {
      const router = Router();
      router.get(SIGNED_PATH, async (req, res) => {
        const { path, expires, sig } = req.query;
        const valid =
          typeof path === 'string' &&
          typeof expires === 'string' &&
          typeof sig === 'string' &&
          sig.length === 64 &&
          timingSafeEqual(Buffer.from(sig), Buffer.from(mac(path, expires))) &&
          Number(expires) > now();
        if (!valid) {
          res.status(403).type('text').send('This link is invalid or has expired.');
          return;
        }
        const object = await blobs.read(path);
        if (!object) {
          res.status(404).type('text').send('No such object.');
          return;
        }
        const name = path.split('/').pop() ?? 'download';
        res
          .status(200)
          .set({
            'content-type': object.contentType,
            'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
            'cache-control': 'private, no-store',
          })
          .send(Buffer.from(object.bytes));
      });
      return router;
    },
  };
}
