import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorReason, collections } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { handleGenerateImage } from './generate-image.js';
import { balance, dataUrl, giveCredits, providerImages } from '../../test/kits/generation.js';

describe('per-minute limit on the user document', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(async () => {
    deps = useMemoryDeps({ simulateRetries: true });
    setDeps({ providers: async () => ({ generate: providerImages }) });
    await giveCredits(deps, 'u1', 50);
  });
  afterEach(() => {
    resetDeps();
  });

  const call = (requestId: string, extra: Record<string, unknown> = {}) =>
    handleGenerateImage(fakeRequest({ requestId, model: 'local-preview', prompt: 'a fox', ...extra }, 'u1'));

  it('counts requests whose source image was refused, without charging them', async () => {
    setDeps({ pipeline: { maxRequestsPerMinute: 2 } });
    const bad = {
      reference: {
        dataUrl: dataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'),
      },
    };
    for (const id of ['req-bad-000001', 'req-bad-000002']) {
      const err = await call(id, bad).catch((e: unknown) => e);
      expect(errorReason(err)).toBe('image-unsupported-type');
    }
    const limited = await call('req-good-00001').catch((e: unknown) => e);
    expect(errorReason(limited)).toBe('rate-limited');
    expect(await balance(deps, 'u1')).toBe(50);
    const user = (await deps.store.get(collections.users.doc('u1'))).data;
    expect(user?.rateCount).toBe(2);
  });

  it('is enforced inside the reservation: 10 parallel requests under a limit of 5 → exactly 5 charged', async () => {
    setDeps({ pipeline: { maxRequestsPerMinute: 5, maxConcurrentPending: 20 } });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => call(`req-par-${String(i).padStart(6, '0')}`)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(5);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect(errorReason((r as PromiseRejectedResult).reason)).toBe('rate-limited');
    }
    expect(await balance(deps, 'u1')).toBe(45);
  });

  it('an account scheduled for deletion cannot generate, and nothing is charged', async () => {
    const now = deps.clock.now();
    await deps.store.batch([
      {
        kind: 'update',
        path: collections.users.doc('u1'),
        data: { deletionRequestedAt: now, purgeAfter: new Date(now.getTime() + 14 * 86_400_000) },
      },
    ]);
    const err = await call('req-locked-0001').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'failed-precondition' });
    expect(errorReason(err)).toBe('account-pending-deletion');
    expect(await balance(deps, 'u1')).toBe(50);
  });
});
