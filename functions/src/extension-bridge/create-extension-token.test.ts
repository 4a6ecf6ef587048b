import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultUserDoc } from '../credits/ledger.js';
import { createExtensionTokenResponseSchema, collections } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { addDays } from '../lib/clock.js';
import { FakeAuthAdmin } from '../../test/kits/account.js';
import { handleCreateExtensionToken } from './create-extension-token.js';

const OFFICIAL = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER = 'ponmlkjihgfedcbaponmlkjihgfedcba';

describe('handleCreateExtensionToken', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let auth: FakeAuthAdmin;
  beforeEach(() => {
    deps = useMemoryDeps();
    auth = new FakeAuthAdmin().add('u1');
    setDeps({ auth });
  });
  afterEach(() => {
    resetDeps();
    vi.unstubAllEnvs();
  });

  it("mints a custom token for the caller's own uid only", async () => {
    const res = createExtensionTokenResponseSchema.parse(
      await handleCreateExtensionToken(fakeRequest({ extensionId: OFFICIAL }, 'u1')),
    );
    expect(res.token).toBe('custom-token.u1.0');
    expect(auth.tokens).toEqual([res.token]);
  });

  it('hands tokens only to the extensions in EXTENSION_IDS', async () => {
    vi.stubEnv('EXTENSION_IDS', ` ${OFFICIAL} , `);
    await expect(handleCreateExtensionToken(fakeRequest({ extensionId: OFFICIAL }, 'u1'))).resolves.toEqual({
      token: 'custom-token.u1.0',
    });
    await expect(handleCreateExtensionToken(fakeRequest({ extensionId: OTHER }, 'u1'))).rejects.toMatchObject(
      {
        code: 'permission-denied',
        details: { reason: 'extension-not-allowed', extensionId: OTHER },
      },
    );
    expect(auth.tokens).toHaveLength(1);
  });

  it('a deployed function without EXTENSION_IDS hands out no token at all', async () => {
    vi.stubEnv('FUNCTIONS_EMULATOR', '');
    vi.stubEnv('EXTENSION_IDS', '');
    await expect(
      handleCreateExtensionToken(fakeRequest({ extensionId: OFFICIAL }, 'u1')),
    ).rejects.toMatchObject({
      code: 'permission-denied',
      details: { reason: 'extension-not-allowed' },
    });
    expect(auth.tokens).toEqual([]);
  });

  it('refuses signed-out callers, requests naming no extension, extra input and accounts scheduled for deletion', async () => {
    await expect(handleCreateExtensionToken(fakeRequest({ extensionId: OFFICIAL }))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    for (const data of [
      {},
      { extensionId: 'not-an-extension-id' },
      { extensionId: OFFICIAL, uid: 'someone-else' },
    ]) {
      await expect(handleCreateExtensionToken(fakeRequest(data, 'u1'))).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    }
    const now = deps.clock.now();
    await deps.store.batch([
      {
        kind: 'set',
        path: collections.users.doc('u1'),
        data: {
          ...defaultUserDoc(now),
          signupGranted: true,
          deletionRequestedAt: now,
          purgeAfter: addDays(now, 14),
        },
      },
    ]);
    await expect(
      handleCreateExtensionToken(fakeRequest({ extensionId: OFFICIAL }, 'u1')),
    ).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { reason: 'account-pending-deletion' },
    });
    expect(auth.tokens).toEqual([]);
  });
});
