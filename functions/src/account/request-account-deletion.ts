import {
  ACCOUNT_DELETION_GRACE_DAYS,
  requestAccountDeletionRequestSchema,
  type RequestAccountDeletionResponse,
} from '@mimicit/shared';
import * as logger from 'firebase-functions/logger';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { getAuthAdmin } from './auth-admin.js';
import { requestDeletion } from './deletion.js';

/**
 * Deletes the caller's history and generated images at once, signs every device out and
 * schedules the purge of everything else (see `deletion.ts` for the grace-period design).
 */
export const handleRequestAccountDeletion = callableHandler(
  'requestAccountDeletion',
  requestAccountDeletionRequestSchema,
  async ({ uid, deps }): Promise<RequestAccountDeletionResponse> => {
    const result = await requestDeletion(deps, getAuthAdmin(), uid, deps.clock.now());
    logger.info('account.deletionRequested', {
      uid,
      purgeAfter: result.purgeAfter.toISOString(),
      deletedGenerations: result.deletedGenerations,
      deletedFiles: result.deletedFiles,
    });
    return {
      requestedAt: result.requestedAt.toISOString(),
      purgeAfter: result.purgeAfter.toISOString(),
      graceDays: ACCOUNT_DELETION_GRACE_DAYS,
      deletedGenerations: result.deletedGenerations,
      deletedFiles: result.deletedFiles,
    };
  },
);

// Deleting a large history page by page can take a while.
export const requestAccountDeletion = defineCallable(
  { timeoutSeconds: 300, memory: '512MiB' },
  handleRequestAccountDeletion,
);
