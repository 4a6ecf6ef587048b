import { afterEach, describe, expect, it } from 'vitest';
import { CALLABLES, errorReason } from '@mimicit/shared';
import { createClient, type TestClient } from '../harness/client';

// A real 1×1 PNG: the intake accepts it, so the refusal below comes from the credit check.
const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const rid = () => `req-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

describe('generation callables through the Auth + Functions emulators', () => {
  let client: TestClient;
  afterEach(async () => client?.close());

  it('describeImage with local-preview: a new user with 0 credits gets insufficient-credits', async () => {
    client = createClient();
    await client.signUp();
    const err = await client
      .call(CALLABLES.describeImage, {
        requestId: rid(),
        model: 'local-preview',
        source: { dataUrl: PNG_1X1 },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'functions/failed-precondition' });
    expect(errorReason(err)).toBe('insufficient-credits');
  });

  it('generateImage with local-preview and a reference: insufficient-credits, not a crash', async () => {
    client = createClient();
    await client.signUp();
    const err = await client
      .call(CALLABLES.generateImage, {
        requestId: rid(),
        model: 'local-preview',
        prompt: 'a lighthouse at dusk',
        reference: { dataUrl: PNG_1X1 },
        aspectRatio: '16:9',
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'functions/failed-precondition' });
    expect(errorReason(err)).toBe('insufficient-credits');
  });

  it("references over the wire: the model's limit has its own reason; old and new fields together are refused", async () => {
    client = createClient();
    await client.signUp();
    const five = Array.from({ length: 5 }, () => ({ source: { dataUrl: PNG_1X1 }, role: 'style' }));
    const tooMany = await client
      .call(CALLABLES.generateImage, {
        requestId: rid(),
        model: 'local-preview',
        prompt: 'x',
        references: five,
      })
      .catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ code: 'functions/invalid-argument' });
    expect(errorReason(tooMany)).toBe('too-many-references');
    const both = await client
      .call(CALLABLES.generateImage, {
        requestId: rid(),
        model: 'local-preview',
        prompt: 'x',
        reference: { dataUrl: PNG_1X1 },
        references: [{ source: { dataUrl: PNG_1X1 } }],
      })
      .catch((e: unknown) => e);
    expect(both).toMatchObject({ code: 'functions/invalid-argument' });
  });

  it('refuses signed-out callers with unauthenticated', async () => {
    client = createClient();
    await expect(
      client.call(CALLABLES.generateImage, { requestId: rid(), model: 'local-preview', prompt: 'x' }),
    ).rejects.toMatchObject({ code: 'functions/unauthenticated' });
  });

  it('answers invalid-argument for bad input, with a reason where the domain decides', async () => {
    client = createClient();
    await client.signUp();
    await expect(
      client.call(CALLABLES.generateImage, { requestId: 'short', prompt: '' }),
    ).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
    const unknown = await client
      .call(CALLABLES.generateImage, { requestId: rid(), model: 'no-such-model', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'functions/invalid-argument' });
    expect(errorReason(unknown)).toBe('unknown-model');
    const ssrf = await client
      .call(CALLABLES.describeImage, {
        requestId: rid(),
        model: 'local-preview',
        source: { url: 'http://169.254.169.254/' },
      })
      .catch((e: unknown) => e);
    expect(errorReason(ssrf)).toBe('url-not-allowed');
  });
});
