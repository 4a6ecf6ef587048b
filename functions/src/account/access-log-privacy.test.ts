// Access-log entries written by real calls of the account callables: 90-day expiry, and never
// prompts, page URLs, signed links or tokens, even with all of those around the call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETENTION, type AccessLogDoc, collections } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { DAY_MS } from '../lib/clock.js';
import { handleCreateExtensionToken } from '../extension-bridge/create-extension-token.js';
import { handleEnsureProfile } from './ensure-profile.js';
import { handleExportMyData } from './export-my-data.js';
import { handleRequestAccountDeletion } from './request-account-deletion.js';
import { handleCancelAccountDeletion } from './cancel-account-deletion.js';
import { FakeAuthAdmin, personalValues, seedUser } from '../../test/kits/account.js';

const PAGE = 'https://shop.example/item/42?q=red+castle';
const headers = {
  referer: PAGE,
  origin: 'https://app.mimicit.example',
  'x-mimicit-extension-version': '1.4.0',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
  'x-forwarded-for': '203.0.113.50, 10.0.0.1',
};

describe('access logs of the account callables', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let auth: FakeAuthAdmin;
  const a = personalValues('alice7');
  beforeEach(async () => {
    vi.stubEnv('SIGNUP_GRANT_CREDITS', '10');
    deps = useMemoryDeps();
    auth = new FakeAuthAdmin().add(a.uid);
    setDeps({ auth });
    await seedUser(deps.store, deps.blobs, a.uid, deps.clock.now());
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  it('carry expireAt 90 days out and only uid, IP, browser, extension version, operation, time', async () => {
    const req = (data: unknown) =>
      fakeRequest(data, a.uid, { headers, token: { email: a.email, name: a.name } });
    await handleEnsureProfile(req({ locale: 'ja' }));
    await expect(
      handleEnsureProfile(req({ locale: 'en', prompt: 'a red castle at dusk', url: PAGE })),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    const exported = await handleExportMyData(req({}));
    const { token } = await handleCreateExtensionToken(
      req({ extensionId: 'abcdefghijklmnopabcdefghijklmnop' }),
    );
    await handleRequestAccountDeletion(req({ confirm: true }));
    await handleCancelAccountDeletion(req({}));
    await expect(handleExportMyData(fakeRequest({}, undefined, { headers }))).rejects.toMatchObject({
      code: 'unauthenticated',
    });

    const logs = (await deps.store.query({ collection: collections.accessLogs.in() }))
      .map((s) => s.data as AccessLogDoc)
      .filter((l) => l.operation !== 'generateImage'); // the seeded ones
    expect(logs.map((l) => l.operation).sort()).toEqual([
      'cancelAccountDeletion',
      'createExtensionToken',
      'ensureProfile',
      'ensureProfile',
      'exportMyData',
      'exportMyData',
      'requestAccountDeletion',
    ]);
    const secrets = [PAGE, 'shop.example', 'castle', a.prompt, token, 'memory://', a.email, a.name];
    if (exported.delivery !== 'inline') throw new Error('expected an inline export');
    const links = exported.document.generations.flatMap((g) => g.images.map((i) => i.url ?? ''));
    expect(links.filter(Boolean)).toHaveLength(2);
    secrets.push(...links);
    for (const log of logs) {
      expect(Object.keys(log).sort()).toEqual(
        ['at', 'expireAt', 'extensionVersion', 'ip', 'operation', 'uid', 'userAgent'].sort(),
      );
      expect(log.expireAt.getTime() - log.at.getTime()).toBe(RETENTION.accessLogDays * DAY_MS);
      expect(log).toMatchObject({
        ip: '203.0.113.50',
        extensionVersion: '1.4.0',
        userAgent: headers['user-agent'],
      });
      const text = JSON.stringify(log);
      expect(text).not.toMatch(/https?:/);
      for (const s of secrets.filter(Boolean)) expect(text).not.toContain(s);
    }
  });
});
