import { describe, expect, it } from 'vitest';
import {
  configuredExtensionIds,
  isAllowedExtensionId,
  knownExtensionIds,
  rememberExtensionId,
} from './extension-ids';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('extension ids', () => {
  it('parses the comma-separated configuration', () => {
    expect(configuredExtensionIds(` ${A}, ,${B} `)).toEqual([A, B]);
    expect(configuredExtensionIds('')).toEqual([]);
  });

  it('accepts only configured ids when a list is configured', () => {
    expect(isAllowedExtensionId(A, [A], false)).toBe(true);
    expect(isAllowedExtensionId(B, [A], true)).toBe(false);
  });

  it('with no list: any well-formed id in dev/e2e builds, none in production', () => {
    expect(isAllowedExtensionId(A, [], true)).toBe(true);
    expect(isAllowedExtensionId(A, [], false)).toBe(false);
    expect(isAllowedExtensionId('not-an-id', [], true)).toBe(false);
    expect(isAllowedExtensionId('z'.repeat(32), [], true)).toBe(false);
  });

  it('remembers connected extensions in localStorage, never a cookie', () => {
    localStorage.clear();
    rememberExtensionId(A);
    rememberExtensionId(A);
    expect(knownExtensionIds()).toEqual([A]);
    expect(document.cookie).not.toContain(A);
    localStorage.setItem('mimicit-extension-ids', '{broken');
    expect(knownExtensionIds()).toEqual([]);
  });
});
