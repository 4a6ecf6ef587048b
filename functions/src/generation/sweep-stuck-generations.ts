/**
 * `sweepStuckGenerations`: every 10 minutes, generations still `pending` past their `expiresAt`
 * (the function died, a deploy cut it off) are marked failed and refunded. Idempotent: each
 * refund has a deterministic ledger id and only a `pending` document is touched.
 * Needs the collection-group index generations(status ASC, expiresAt ASC).
 */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import { collections } from '@mimicit/shared';
import { getDeps, type Deps } from '../lib/deps.js';
import { failAndRefund } from './pipeline.js';

export const SWEEP_BATCH = 200;

/** Sweeps one bounded batch; returns how many generations were refunded. */
export async function sweepStuckBatch(deps: Deps, limit = SWEEP_BATCH): Promise<number> {
  const now = deps.clock.now();
  const stuck = await deps.store.query({
    collection: collections.generations.group,
    group: true,
    where: [
      ['status', '==', 'pending'],
      ['expiresAt', '<', now],
    ],
    orderBy: [['expiresAt', 'asc']],
    limit,
  });
  let refunded = 0;
  for (const snap of stuck) {
    const uid = snap.path.split('/')[1];
    if (!uid) continue;
    const done = await failAndRefund(deps, uid, snap.id, {
      code: 'provider-timeout',
      reason: 'This generation did not finish in time. Your credits were refunded.',
    });
    if (done) refunded++;
  }
  return refunded;
}

export const sweepStuckGenerations = onSchedule(
  { schedule: 'every 10 minutes', timeoutSeconds: 300, memory: '256MiB' },
  async () => {
    const refunded = await sweepStuckBatch(await getDeps());
    logger.info('generation.sweep', { refunded });
  },
);
