import { describe, expect, it } from 'vitest';
import { SEED_MAX, parseSeed } from './catalog.js';

describe('parseSeed', () => {
  it('leaves an empty field to the server', () => {
    expect(parseSeed('')).toBeUndefined();
    expect(parseSeed('   ')).toBeUndefined();
  });
  it('reads whole numbers up to SEED_MAX, spaces trimmed', () => {
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(String(SEED_MAX))).toBe(SEED_MAX);
  });
  it('refuses what is not a seed', () => {
    for (const text of [String(SEED_MAX + 1), '-1', '1.5', '1e3', '12a', '0x10']) {
      expect(parseSeed(text)).toBe('invalid');
    }
  });
});
