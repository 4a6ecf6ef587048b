import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureProfileResponseSchema, collections } from '@mimicit/shared';
import { ATTESTED_APP, fakeRequest, useMemoryDeps } from '../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../lib/deps.js';
import { ledgerOf } from '../credits/ledger.js';
import { handleEnsureProfile } from './ensure-profile.js';
import { handleRequestAccountDeletion } from './request-account-deletion.js';
import { FakeAuthAdmin } from '../../test/kits/account.js';

const google = {
  name: 'Aiko Tanaka',
  email: 'aiko@example.com',
  email_verified: true,
  picture: 'https://lh3.googleusercontent.com/a/x',
};

describe('handleEnsureProfile', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  let auth: FakeAuthAdmin;
  beforeEach(() => {
    // The deployed param resolves to its default (10); tests set it the way the runtime does.
    vi.stubEnv('SIGNUP_GRANT_CREDITS', '10');
    deps = useMemoryDeps({ simulateRetries: true });
    auth = new FakeAuthAdmin(() => deps.clock.now()).add('u1');
    setDeps({ auth });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDeps();
  });

  it('creates the profile from the Google claims and the locale, and grants 10 credits once', async () => {
    const first = await handleEnsureProfile(fakeRequest({ locale: 'ja' }, 'u1', { token: google }));
    expect(ensureProfileResponseSchema.parse(first)).toEqual(first);
    expect(first.granted).toBe(true);
    expect(first.profile).toMatchObject({
      uid: 'u1',
      displayName: 'Aiko Tanaka',
      email: 'aiko@example.com',
      photoURL: google.picture,
      locale: 'ja',
      credits: 10,
      signupGranted: true,
      flagged: false,
      deletion: null,
    });

    const second = await handleEnsureProfile(fakeRequest({ locale: 'en' }, 'u1', { token: google }));
    expect(second.granted).toBe(false);
    expect(second.profile.credits).toBe(10);
    // The stored locale (changed by the person in Profile) wins over the sign-in hint.
    expect(second.profile.locale).toBe('ja');
    expect(await ledgerOf(deps.store, 'u1')).toHaveLength(1);
  });

  it('grants once even when sign-ins race', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => handleEnsureProfile(fakeRequest({}, 'u1', { token: google }))),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    expect((await deps.store.get(collections.users.doc('u1'))).data?.credits).toBe(10);
  });

  it('refreshes name, email and photo when Google reports new ones, keeping credits', async () => {
    await handleEnsureProfile(fakeRequest({}, 'u1', { token: google }));
    const res = await handleEnsureProfile(
      fakeRequest({}, 'u1', { token: { ...google, name: 'Aiko T.', picture: undefined } }),
    );
    expect(res.profile).toMatchObject({ displayName: 'Aiko T.', photoURL: null, credits: 10, locale: 'en' });
  });

  it('refuses accounts scheduled for deletion', async () => {
    await handleEnsureProfile(fakeRequest({}, 'u1', { token: google }));
    await handleRequestAccountDeletion(fakeRequest({ confirm: true }, 'u1'));
    await expect(handleEnsureProfile(fakeRequest({}, 'u1', { token: google }))).rejects.toMatchObject({
      code: 'failed-precondition',
      details: { reason: 'account-pending-deletion', purgeAfter: '2026-06-15T00:00:00.000Z' },
    });
  });

  it('creates no profile for a token whose sessions were revoked after it was issued', async () => {
    const signedInAt = deps.clock.now().getTime() / 1000;
    deps.clock.advance(60_000);
    await auth.revokeSessions('u1');
    const stale = { token: { ...google, auth_time: signedInAt } };
    await expect(handleEnsureProfile(fakeRequest({}, 'u1', stale))).rejects.toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'session-revoked' },
    });
    expect((await deps.store.get(collections.users.doc('u1'))).data).toBeUndefined();
    deps.clock.advance(60_000);
    const fresh = { token: { ...google, auth_time: deps.clock.now().getTime() / 1000 } };
    await expect(handleEnsureProfile(fakeRequest({}, 'u1', fresh))).resolves.toMatchObject({ granted: true });
  });

  it('creates no profile for a uid whose Auth user is gone or disabled', async () => {
    for (const uid of ['ghost', 'blocked']) {
      if (uid === 'blocked') await auth.add(uid).disable(uid);
      await expect(handleEnsureProfile(fakeRequest({}, uid, { token: google }))).rejects.toMatchObject({
        code: 'failed-precondition',
        details: { reason: 'account-deleted' },
      });
      expect((await deps.store.get(collections.users.doc(uid))).data).toBeUndefined();
    }
  });

  it('rejects an unknown locale and unexpected fields with invalid-argument', async () => {
    for (const data of [{ locale: 'fr' }, { locale: 'en', credits: 1000 }]) {
      await expect(handleEnsureProfile(fakeRequest(data, 'u1'))).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    }
    expect((await deps.store.get(collections.users.doc('u1'))).data).toBeUndefined();
  });

  it('gives an unverified email a profile but holds the grant until a verified sign-in', async () => {
    const unverified = { token: { ...google, email_verified: false } };
    const first = await handleEnsureProfile(fakeRequest({ locale: 'ja' }, 'u1', unverified));
    expect(ensureProfileResponseSchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      granted: false,
      grantHeld: 'email-unverified',
      profile: { uid: 'u1', email: 'aiko@example.com', locale: 'ja', credits: 0, signupGranted: false },
    });
    // A token without the claim at all is not a verified one either.
    const { email_verified: _, ...noClaim } = google;
    await expect(handleEnsureProfile(fakeRequest({}, 'u1', { token: noClaim }))).resolves.toMatchObject({
      granted: false,
      grantHeld: 'email-unverified',
    });
    expect(await ledgerOf(deps.store, 'u1')).toHaveLength(0);

    const verified = await handleEnsureProfile(fakeRequest({}, 'u1', { token: google }));
    expect(verified).toMatchObject({ granted: true, grantHeld: null, profile: { credits: 10 } });
    // Once granted, nothing is held any more, verified or not.
    await expect(handleEnsureProfile(fakeRequest({}, 'u1', unverified))).resolves.toMatchObject({
      granted: false,
      grantHeld: null,
      profile: { credits: 10 },
    });
  });

  it('holds nothing when no grant is configured', async () => {
    vi.stubEnv('SIGNUP_GRANT_CREDITS', '0');
    const res = await handleEnsureProfile(
      fakeRequest({}, 'u1', { token: { ...google, email_verified: false } }),
    );
    expect(res).toMatchObject({ granted: false, grantHeld: null, profile: { credits: 0 } });
  });

  it('refuses a caller without a valid, unused App Check token before touching anything', async () => {
    const cases: { app?: typeof ATTESTED_APP; headers: Record<string, string>; reason: string }[] = [
      { app: undefined, headers: {}, reason: 'app-check-missing' },
      { app: undefined, headers: { 'x-firebase-appcheck': 'forged' }, reason: 'app-check-invalid' },
      { app: { ...ATTESTED_APP, alreadyConsumed: true }, headers: {}, reason: 'app-check-replayed' },
    ];
    for (const { app, headers, reason } of cases) {
      await expect(
        handleEnsureProfile(fakeRequest({}, 'u1', { token: google, app, headers })),
      ).rejects.toMatchObject({ code: 'unauthenticated', details: { reason } });
    }
    expect((await deps.store.get(collections.users.doc('u1'))).data).toBeUndefined();
  });

  it('requires sign-in', async () => {
    await expect(handleEnsureProfile(fakeRequest({ locale: 'en' }))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
