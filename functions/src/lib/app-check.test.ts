import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertAppCheck } from './app-check.js';
import { appCheckEnforced, tokensUnverified } from './app-check-mode.js';
import { fakeRequest } from '../../test/kits/handlers.js';
import { functionsEmulatorEnv } from '../local/runtime/env.js';

const emulated = functionsEmulatorEnv({ projectId: 'demo-mimicit', authEmulatorHost: '127.0.0.1:9099' });

describe('where App Check is enforced', () => {
  it('always where tokens are verified, whatever the switch says', () => {
    for (const env of [{}, { MIMICIT_APP_CHECK: 'off' }, { FUNCTIONS_EMULATOR: 'true' }]) {
      expect(tokensUnverified(env)).toBe(false);
      expect(appCheckEnforced(env)).toBe(true);
    }
  });

  it('only with the debug mode itself on: a stray feature list verifies tokens as production does', () => {
    const features = emulated.FIREBASE_DEBUG_FEATURES;
    expect(tokensUnverified({ FIREBASE_DEBUG_FEATURES: features })).toBe(false);
    expect(tokensUnverified({ FIREBASE_DEBUG_MODE: 'true', FIREBASE_DEBUG_FEATURES: 'nonsense' })).toBe(
      false,
    );
    expect(tokensUnverified({ FIREBASE_DEBUG_MODE: 'true', FIREBASE_DEBUG_FEATURES: '{}' })).toBe(false);
  });

  it('off in the emulator environment (the local backend sets the same) unless a test turns it on', () => {
    expect(tokensUnverified(emulated)).toBe(true);
    expect(appCheckEnforced(emulated)).toBe(false);
    expect(appCheckEnforced({ ...emulated, MIMICIT_APP_CHECK: 'enforce' })).toBe(true);
    expect(appCheckEnforced({ ...emulated, MIMICIT_APP_CHECK: 'true' })).toBe(false);
  });
});

describe('assertAppCheck', () => {
  afterEach(() => vi.unstubAllEnvs());
  const attempt = (policy: 'open' | 'enforce' | 'consume', opts: Parameters<typeof fakeRequest>[2]) => () =>
    assertAppCheck(fakeRequest({}, 'u1', opts), policy, 'op', 'u1');
  const replayed = { appId: 'a', token: {}, alreadyConsumed: true };

  it('tells a missing token from one that failed verification, and refuses a used one', () => {
    expect(attempt('enforce', { app: undefined })).toThrow(
      expect.objectContaining({ code: 'unauthenticated', reason: 'app-check-missing' }),
    );
    expect(attempt('enforce', { app: undefined, headers: { 'x-firebase-appcheck': 'x.y.z' } })).toThrow(
      expect.objectContaining({ reason: 'app-check-invalid' }),
    );
    expect(attempt('consume', { app: replayed })).toThrow(
      expect.objectContaining({ reason: 'app-check-replayed' }),
    );
    // What firebase-functions makes of a header that is not a JWT where it only decodes tokens.
    const undecodable = { app: { appId: '', token: {} }, headers: { 'x-firebase-appcheck': 'junk' } };
    expect(attempt('enforce', undecodable)).toThrow(expect.objectContaining({ reason: 'app-check-invalid' }));
  });

  it('lets through a verified token, a reused one where only enforced, and anything where open', () => {
    expect(attempt('consume', {})).not.toThrow();
    expect(attempt('enforce', { app: replayed })).not.toThrow();
    expect(attempt('open', { app: undefined })).not.toThrow();
  });

  it('lets everything through where tokens are unverified and enforcement is off', () => {
    for (const [k, v] of Object.entries(emulated)) vi.stubEnv(k, v);
    expect(attempt('consume', { app: undefined })).not.toThrow();
    vi.stubEnv('MIMICIT_APP_CHECK', 'enforce');
    expect(attempt('consume', { app: undefined })).toThrow(
      expect.objectContaining({ reason: 'app-check-missing' }),
    );
  });
});
