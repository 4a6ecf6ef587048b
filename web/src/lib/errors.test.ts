import { describe, expect, it } from 'vitest';
import { errorKey } from './errors';
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

  it('treats an unreachable functions server (internal/"internal") as a network problem', () => {
    expect(errorKey(Object.assign(new Error('internal'), { code: 'functions/internal' }))).toBe(
      'errors.network',
    );
    expect(errorKey(Object.assign(new Error('boom'), { code: 'functions/internal' }))).toBe('errors.generic');
  });
});
