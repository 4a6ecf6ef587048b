import { cancelAccountDeletionRequestSchema, type CancelAccountDeletionResponse } from '@mimicit/shared';
import * as logger from 'firebase-functions/logger';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { cancelDeletion } from './deletion.js';
import { toProfile } from './profile.js';

/** Cancels a pending account deletion within the grace period. */
export const handleCancelAccountDeletion = callableHandler(
  'cancelAccountDeletion',
  cancelAccountDeletionRequestSchema,
  async ({ uid, deps }): Promise<CancelAccountDeletionResponse> => {
    const user = await cancelDeletion(deps, uid, deps.clock.now());
    logger.info('account.deletionCancelled', { uid });
    return { profile: toProfile(uid, user) };
  },
);

export const cancelAccountDeletion = defineCallable({}, handleCancelAccountDeletion);
