import {
  EXPORT_INLINE_MAX_BYTES,
  EXPORT_LINK_TTL_MS,
  exportMyDataRequestSchema,
  storagePaths,
  type ExportMyDataResponse,
} from '@mimicit/shared';
import * as logger from 'firebase-functions/logger';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { buildExport } from './export.js';

/**
 * The right to data portability: one JSON document of everything we hold about the caller.
 * Small exports come back inline; larger ones are written to `exports/{uid}/` (removed by the
 * bucket's lifecycle rule after a day, and by the purge as a backstop) and returned as a
 * short-lived signed link. Allowed while a deletion is pending: people may take their data
 * with them on the way out.
 */
export const handleExportMyData = callableHandler(
  'exportMyData',
  exportMyDataRequestSchema,
  async ({ uid, deps }): Promise<ExportMyDataResponse> => {
    const now = deps.clock.now();
    const document = await buildExport(deps, uid, now);
    const json = JSON.stringify(document, null, 2);
    const bytes = Buffer.byteLength(json);
    logger.info('account.exported', { uid, bytes, generations: document.generations.length });
    if (bytes <= EXPORT_INLINE_MAX_BYTES) return { delivery: 'inline', document };

    const path = storagePaths.exportFile(uid, `mimicit-export-${now.getTime()}.json`);
    await deps.blobs.save(path, new TextEncoder().encode(json), 'application/json');
    return {
      delivery: 'link',
      url: await deps.blobs.signedUrl(path, EXPORT_LINK_TTL_MS),
      expiresAt: new Date(now.getTime() + EXPORT_LINK_TTL_MS).toISOString(),
      bytes,
    };
  },
);

export const exportMyData = defineCallable({ timeoutSeconds: 300, memory: '1GiB' }, handleExportMyData);
