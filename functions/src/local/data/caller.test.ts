import { describe, expect, it } from 'vitest';
import { emulatorIdToken } from '../../../test/kits/local.js';
import { emulatorTokenVerifier } from './caller.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Date.parse('2026-06-01T00:00:00Z');
const verify = emulatorTokenVerifier('demo-mimicit', () => now);
const claims = (over: Record<string, unknown> = {}) => ({
  iss: 'https://securetoken.google.com/demo-mimicit',
  aud: 'demo-mimicit',
  sub: 'u1',
  iat: now / 1000 - 10,
  exp: now / 1000 + 3600,
  ...over,
});
const token = (payload: object, header: object = { alg: 'none', typ: 'JWT' }, sig = '') =>
  `${b64(header)}.${b64(payload)}.${sig}`;

describe('emulatorTokenVerifier', () => {
  it('accepts an Auth emulator ID token of the project and returns its uid', async () => {
    await expect(verify(token(claims()))).resolves.toEqual({ uid: 'u1' });
    await expect(emulatorTokenVerifier('demo-mimicit')(emulatorIdToken('u2'))).resolves.toEqual({
      uid: 'u2',
    });
  });

  it.each([
    ['another project', token(claims({ aud: 'other' }))],
    ['another issuer', token(claims({ iss: 'https://securetoken.google.com/other' }))],
    ['an expired token', token(claims({ exp: now / 1000 - 120 }))],
    ['a token from the future', token(claims({ iat: now / 1000 + 600 }))],
    ['no subject', token(claims({ sub: '' }))],
    ['a signed token (not the emulator’s)', token(claims(), { alg: 'RS256', kid: 'k' }, 'c2ln')],
    ['garbage', 'not.a.token'],
  ])('refuses %s', async (_name, t) => {
    await expect(verify(t)).rejects.toThrow();
  });
});
