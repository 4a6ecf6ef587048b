import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CallableError, callableUrl, parseCallableResponse } from './callable-protocol';

const schema = z.object({ n: z.number() });

describe('callable protocol', () => {
  it('endpoint: emulator or the production region URL', () => {
    expect(callableUrl('getCatalog', true, 'demo-mimicit')).toBe(
      'http://127.0.0.1:5001/demo-mimicit/asia-northeast1/getCatalog',
    );
    expect(callableUrl('getCatalog', false, 'prod')).toBe(
      'https://asia-northeast1-prod.cloudfunctions.net/getCatalog',
    );
  });

  it('returns a valid result', () => {
    expect(parseCallableResponse(200, { result: { n: 1 } }, schema)).toEqual({ n: 1 });
  });

  it('maps { error } to a CallableError with the HttpsError code and details.reason', () => {
    const body = {
      error: {
        status: 'FAILED_PRECONDITION',
        message: 'Not enough credits',
        details: { reason: 'insufficient-credits' },
      },
    };
    try {
      parseCallableResponse(400, body, schema);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CallableError);
      const e = err as CallableError;
      expect([e.code, e.message, e.reason]).toEqual([
        'failed-precondition',
        'Not enough credits',
        'insufficient-credits',
      ]);
    }
  });

  it('an HTTP failure without a body, and a result of the wrong shape, are errors too', () => {
    expect(() => parseCallableResponse(404, null, schema)).toThrow(
      expect.objectContaining({ code: 'internal', message: 'HTTP 404' }),
    );
    expect(() => parseCallableResponse(200, { result: { n: 'one' } }, schema)).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
  });

  it('ignores a reason that is not one of the shared ones', () => {
    expect(new CallableError('internal', 'x', { reason: 'made-up' }).reason).toBeUndefined();
  });
});
