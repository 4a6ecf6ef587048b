import { describe, expect, it } from 'vitest';
import { FUNCTIONS_REGION as SHARED_REGION, LIMITS } from '@mimicit/shared';
import {
  DEFAULT_APP_ORIGIN,
  FUNCTIONS_REGION,
  apiHostPermissions,
  appOrigins,
  isAllowedOrigin,
  originMatchPatterns,
  usesEmulators,
} from './origins';
import { MAX_BYTES } from '../content/read';

describe('app origins', () => {
  it('production: the configured https origin only, or the documented default', () => {
    expect(appOrigins('production', 'https://app.example.com/')).toEqual(['https://app.example.com']);
    expect(appOrigins('production', undefined)).toEqual([DEFAULT_APP_ORIGIN]);
    expect(() => appOrigins('production', 'http://app.example.com')).toThrow(/https/);
    expect(() => appOrigins('production', 'https://app.example.com/path')).toThrow(/bare origin/);
  });

  it('dev and e2e builds add the local web app origins', () => {
    expect(appOrigins('e2e', undefined)).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173']);
    expect(appOrigins('development', 'https://staging.example.com')[0]).toBe('https://staging.example.com');
  });

  it('match patterns keep scheme, host and port exact', () => {
    expect(originMatchPatterns(['http://127.0.0.1:5173'])).toEqual(['http://127.0.0.1:5173/*']);
  });

  it('isAllowedOrigin compares whole origins', () => {
    expect(isAllowedOrigin('https://mimicit.app/x', ['https://mimicit.app'])).toBe(true);
    expect(isAllowedOrigin('https://mimicit.app.evil.test/', ['https://mimicit.app'])).toBe(false);
    expect(isAllowedOrigin(undefined, ['https://mimicit.app'])).toBe(false);
  });
});

describe('host permissions and limits', () => {
  it('only the project API hosts; emulator hosts only in emulator builds', () => {
    const prod = apiHostPermissions('my-proj', false);
    expect(prod).toContain('https://asia-northeast1-my-proj.cloudfunctions.net/*');
    expect(prod.every((h) => h.startsWith('https://'))).toBe(true);
    expect(prod.some((h) => h.includes('<all_urls>') || h.startsWith('*://'))).toBe(false);
    expect(apiHostPermissions('my-proj', true)).toContain('http://127.0.0.1/*');
  });

  it('emulators: forced by the flag, default in development only', () => {
    expect(usesEmulators('production', undefined)).toBe(false);
    expect(usesEmulators('e2e', 'true')).toBe(true);
    expect(usesEmulators('development', undefined)).toBe(true);
    expect(usesEmulators('development', 'false')).toBe(false);
  });

  it('copies of shared constants (kept local so the manifest and content script import nothing) match', () => {
    expect(FUNCTIONS_REGION).toBe(SHARED_REGION);
    expect(MAX_BYTES).toBe(LIMITS.maxInlineImageBytes);
  });
});
