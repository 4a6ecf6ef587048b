import { describe, expect, it } from 'vitest';
import { scheduleIntervalMs, sortTriggers } from './triggers.js';

describe('the functions as the local backend sees them', () => {
  it('finds every callable and the webhook at the region, and every scheduled job', async () => {
    const triggers = sortTriggers((await import('../../index.js')) as Record<string, unknown>);
    expect([...triggers.http].map(([name, t]) => `${name}:${t.kind}:${t.region}`).sort()).toEqual(
      [
        'cancelAccountDeletion:callable',
        'createCheckoutSession:callable',
        'createExtensionToken:callable',
        'deleteGeneration:callable',
        'describeImage:callable',
        'ensureProfile:callable',
        'exportMyData:callable',
        'generateComparison:callable',
        'generateImage:callable',
        'getCatalog:callable',
        'requestAccountDeletion:callable',
        'stripeWebhook:https',
      ].map((x) => `${x}:asia-northeast1`),
    );
    expect([...triggers.scheduled.keys()].sort()).toEqual([
      'checkModels',
      'purgeExpiredData',
      'sweepStuckGenerations',
    ]);
    for (const { schedule } of triggers.scheduled.values())
      expect(scheduleIntervalMs(schedule)).not.toBeNull();
  });

  it('reads Cloud Scheduler intervals', () => {
    expect(scheduleIntervalMs('every 10 minutes')).toBe(600_000);
    expect(scheduleIntervalMs('every 2 hours')).toBe(7_200_000);
    expect(scheduleIntervalMs('every day 03:00')).toBe(86_400_000);
    expect(scheduleIntervalMs('0 3 * * *')).toBeNull();
  });
});
