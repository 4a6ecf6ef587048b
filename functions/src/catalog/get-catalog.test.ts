import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallableRequest } from 'firebase-functions/v2/https';
import { handleGetCatalog } from './get-catalog.js';

function request(data: unknown, uid?: string): CallableRequest<unknown> {
  return {
    data,
    auth: uid ? { uid, token: {} } : undefined,
    rawRequest: {},
  } as unknown as CallableRequest<unknown>;
}

describe('handleGetCatalog', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('never offers the preview model in a production deploy', async () => {
    vi.stubEnv('VITEST', '');
    vi.stubEnv('FUNCTIONS_EMULATOR', '');
    const res = await handleGetCatalog(request({}, 'u1'));
    expect(res.models.map((m) => m.id)).not.toContain('local-preview');
    expect(res.models.length).toBeGreaterThanOrEqual(7);
  });

  it('offers the preview model on the emulators', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', 'true');
    const res = await handleGetCatalog(request({}, 'u1'));
    expect(res.models.map((m) => m.id)).toContain('local-preview');
  });

  it('requires sign-in', async () => {
    await expect(handleGetCatalog(request({}))).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
