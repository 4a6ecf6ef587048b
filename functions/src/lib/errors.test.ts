import { describe, expect, it } from 'vitest';
import { HttpsError } from 'firebase-functions/v2/https';
import { domainError, toHttpsError } from './errors.js';

describe('toHttpsError', () => {
  it('keeps a domain error’s code, message and reason', () => {
    const err = toHttpsError(domainError('failed-precondition', 'price-not-configured', 'No price.'));
    expect(err).toMatchObject({ code: 'failed-precondition', message: 'No price.' });
    expect(err.details).toEqual({ reason: 'price-not-configured' });
  });

  it('turns anything unexpected into internal/server-error without its internals', () => {
    const err = toHttpsError(new TypeError('secret detail'));
    expect(err.code).toBe('internal');
    expect(err.message).not.toContain('secret');
    // Clients tell our own failures from unanswered requests by this reason.
    expect(err.details).toEqual({ reason: 'server-error' });
    expect(err.toJSON()).toMatchObject({ status: 'INTERNAL', details: { reason: 'server-error' } });
  });

  it('passes an HttpsError through unchanged', () => {
    const original = new HttpsError('unauthenticated', 'Sign in.');
    expect(toHttpsError(original)).toBe(original);
  });
});
