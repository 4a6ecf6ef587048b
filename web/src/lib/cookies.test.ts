import { afterEach, describe, expect, it } from 'vitest';
import {
  detectLocale,
  LOCALE_COOKIE,
  localeCookieString,
  readLocaleCookie,
  writeLocaleCookie,
} from './cookies';

describe('the locale cookie', () => {
  afterEach(() => {
    document.cookie = `${LOCALE_COOKIE}=; Path=/; Max-Age=0`;
  });

  it('is SameSite=Lax on http, with a path and a one-year lifetime, and not Secure', () => {
    const s = localeCookieString('ja', false);
    expect(s).toBe('mimicit-locale=ja; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(s).not.toMatch(/Secure|HttpOnly|Domain/);
  });

  it('adds Secure on https', () => {
    expect(localeCookieString('en', true)).toBe(
      'mimicit-locale=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure',
    );
  });

  it('is the only cookie the app writes, and it is read back', () => {
    writeLocaleCookie('ja');
    expect(document.cookie).toBe('mimicit-locale=ja');
    expect(readLocaleCookie(document.cookie)).toBe('ja');
  });

  it('ignores unknown values and other cookies', () => {
    expect(readLocaleCookie('a=b; mimicit-locale=fr')).toBeUndefined();
    expect(readLocaleCookie('a=b; mimicit-locale=ja; c=d')).toBe('ja');
  });

  it('language comes from the cookie, else the browser, else English', () => {
    expect(detectLocale('mimicit-locale=en', ['ja-JP'])).toBe('en');
    expect(detectLocale('', ['fr-FR', 'ja-JP'])).toBe('ja');
    expect(detectLocale('', ['fr-FR'])).toBe('en');
  });
});
