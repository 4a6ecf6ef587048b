import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDeps } from '../lib/deps.js';
import { useMemoryDeps } from '../../test/kits/handlers.js';
import { WEBHOOK_SECRET, deliver, nextId, sessionEvent } from '../../test/kits/webhook.js';

const entries = vi.hoisted(() => [] as unknown[][]);
vi.mock('firebase-functions/logger', () => {
  const record = (...args: unknown[]) => void entries.push(args);
  return { debug: record, log: record, info: record, warn: record, error: record, write: record };
});

describe('stripeWebhook logging', () => {
  beforeEach(() => {
    useMemoryDeps();
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', WEBHOOK_SECRET);
    entries.length = 0;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  it('logs named structured entries, never the secret, the signature or the payload', async () => {
    const event = sessionEvent('checkout.session.completed', { sessionId: nextId('cs'), uid: 'l1' });
    await deliver(event);
    await deliver(event, { secret: 'whsec_someone_else' });
    expect(entries.map((e) => e[0])).toEqual(['stripeWebhook.processed', 'stripeWebhook.badSignature']);
    expect(entries[0]?.[1]).toMatchObject({ eventId: event.id, effect: 'granted', uid: 'l1' });
    const all = JSON.stringify(entries);
    expect(all).not.toContain('whsec_');
    expect(all).not.toContain('v1=');
    expect(all).not.toContain('metadata');
  });
});
