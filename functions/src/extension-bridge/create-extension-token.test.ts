import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExtensionTokenResponseSchema, paths } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../lib/testing.js';
import { setDeps } from '../lib/deps.js';
import { addDays } from '../lib/clock.js';
import { setAuthAdmin } from '../account/auth-admin.js';
import { FakeAuthAdmin } from '../account/testing.js';
import { handleCreateExtensionToken } from './create-extension-token.js';

describe('handleCreateExtensionToken', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let auth: FakeAuthAdmin;
  beforeEach(() => {
    deps = useMemoryDeps();
    auth = new FakeAuthAdmin().add('u1');
    setAuthAdmin(auth);
  });
  afterEach(() => {
    setDeps({});
    setAuthAdmin(undefined);
  });

  it("mints a custom token for the caller's own uid only", async () => {
    const res = createExtensionTokenResponseSchema.parse(
      await handleCreateExtensionToken(fakeRequest({}, 'u1')),
    );
    expect(res.token).toBe('custom-token.u1.0');
    expect(auth.tokens).toEqual([res.token]);
  });

  it('refuses signed-out callers, extra input and accounts scheduled for deletion', async () => {
    await expect(handleCreateExtensionToken(fakeRequest({}))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      handleCreateExtensionToken(fakeRequest({ uid: 'someone-else' }, 'u1')),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    const now = deps.clock.now();
    await deps.store.batch([
      {
        kind: 'set',
        path: paths.user('u1'),
        data: { credits: 0, signupGranted: true, deletionRequestedAt: now, purgeAfter: addDays(now, 14) },
      },
    ]);
    await expect(handleCreateExtensionToken(fakeRequest({}, 'u1'))).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { reason: 'account-pending-deletion' },
    });
    expect(auth.tokens).toEqual([]);
  });
});
