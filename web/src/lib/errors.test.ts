import { describe, expect, it } from 'vitest';
import { errorKey, failureKey } from './errors';
import { DataError } from './data/timeout';

describe('errorKey', () => {
  it('prefers the server reason in details', () => {
    const err = Object.assign(new Error('x'), {
      code: 'functions/failed-precondition',
      details: { reason: 'insufficient-credits' },
    });
    expect(errorKey(err)).toBe('errors.reason.insufficient-credits');
  });

  it('ignores reasons it has no message for', () => {
    expect(errorKey({ code: 'functions/invalid-argument', details: { reason: 'made-up' } })).toBe(
      'errors.generic',
    );
  });

  it.each([
    ['functions/unauthenticated', 'errors.unauthenticated'],
    ['permission-denied', 'errors.permission'],
    ['unavailable', 'errors.unavailable'],
    ['storage/object-not-found', 'errors.reason.not-found'],
    ['auth/popup-blocked', 'auth.popupBlocked'],
    ['auth/network-request-failed', 'errors.network'],
  ])('maps %s', (code, key) => {
    expect(errorKey({ code })).toBe(key);
  });

  it('maps our read timeout to the timeout message', () => {
    expect(errorKey(new DataError('deadline-exceeded', 'slow'))).toBe('errors.timeout');
  });

  it('maps by code and reason, never by message text', () => {
    // Whatever the SDK's wording: `internal` without our reason is a request that got no answer.
    for (const message of ['internal', 'internal [0]', 'INTERNAL', 'anything else']) {
      expect(errorKey(Object.assign(new Error(message), { code: 'functions/internal' }))).toBe(
        'errors.network',
      );
    }
    // Our server's own unexpected failure carries a reason.
    expect(
      errorKey(
        Object.assign(new Error('internal'), {
          code: 'functions/internal',
          details: { reason: 'server-error' },
        }),
      ),
    ).toBe('errors.reason.server-error');
  });
});

describe('failureKey', () => {
  it('translates a failed generation’s code; internal is our own failure', () => {
    expect(failureKey('provider-timeout')).toBe('errors.reason.provider-timeout');
    expect(failureKey('internal')).toBe('errors.reason.server-error');
    expect(failureKey('made-up')).toBeUndefined();
    expect(failureKey(undefined)).toBeUndefined();
  });
});
