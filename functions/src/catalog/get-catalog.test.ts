import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleGetCatalog } from './get-catalog.js';
import { fakeRequest, useMemoryDeps } from '../lib/testing.js';
import { setDeps } from '../lib/deps.js';

describe('handleGetCatalog', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(() => (deps = useMemoryDeps()));
  afterEach(() => {
    vi.unstubAllEnvs();
    setDeps({});
  });

  it('never offers the preview model in a production deploy', async () => {
    vi.stubEnv('VITEST', '');
    vi.stubEnv('FUNCTIONS_EMULATOR', '');
    const res = await handleGetCatalog(fakeRequest({}, 'u1'));
    expect(res.models.map((m) => m.id)).not.toContain('local-preview');
    expect(res.models.length).toBeGreaterThanOrEqual(7);
  });

  it('offers the preview model on the emulators', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', 'true');
    const res = await handleGetCatalog(fakeRequest({}, 'u1'));
    expect(res.models.map((m) => m.id)).toContain('local-preview');
  });

  it('requires sign-in, and logs the refused call without personal content', async () => {
    await expect(handleGetCatalog(fakeRequest({}))).rejects.toMatchObject({ code: 'unauthenticated' });
    const logs = await deps.store.query({ collection: 'accessLogs' });
    expect(logs).toHaveLength(1);
    expect(logs[0]?.data).toMatchObject({
      uid: null,
      operation: 'getCatalog',
      ip: '203.0.113.7',
      userAgent: 'vitest',
    });
  });
});
