// The side panel's dictionary: a specific, translated message for every reason the server can
// give, and English and Japanese in step (same keys by type; here: same placeholders, none empty,
// Japanese actually translated).
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_REASONS } from '@mimicit/shared';
import { MESSAGES, errorMessage, locale, t, type MessageKey } from './i18n';

const keys = Object.keys(MESSAGES.en) as MessageKey[];
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

afterEach(() => {
  locale.value = 'en';
});

describe('extension messages', () => {
  it.each(ERROR_REASONS)('%s has its own message in English and Japanese', (reason) => {
    const key = `error.${reason}` as MessageKey;
    expect(MESSAGES.en[key], `en ${reason}`).toBeTruthy();
    expect(MESSAGES.ja[key], `ja ${reason}`).toBeTruthy();
    expect(MESSAGES.ja[key]).not.toBe(MESSAGES.en[key]);
    for (const lang of ['en', 'ja'] as const) {
      locale.value = lang;
      expect(errorMessage(reason)).toBe(MESSAGES[lang][key]);
      expect(errorMessage(reason)).not.toBe(t('errorGeneric'));
    }
  });

  it('no message is empty, and both languages use the same placeholders', () => {
    for (const key of keys) {
      expect(MESSAGES.en[key].trim(), key).not.toBe('');
      expect(MESSAGES.ja[key].trim(), key).not.toBe('');
      expect(placeholders(MESSAGES.ja[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });

  it('Japanese is translated outside product names and pure formats', () => {
    const same = keys.filter((k) => MESSAGES.ja[k] === MESSAGES.en[k]);
    expect(same.sort()).toEqual(['resolutionOption']);
  });
});
