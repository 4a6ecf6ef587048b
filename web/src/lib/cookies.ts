/**
 * The language cookie, the only cookie the app sets (PRODUCT.md: "the session only, plus the
 * language cookie `mimicit-locale`"). SameSite=Lax always, Secure whenever the page is https.
 */
import type { Locale } from '@mimicit/shared';

export const LOCALE_COOKIE = 'mimicit-locale';
export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'ja'];
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Reads the locale cookie from a `document.cookie` string. */
export function readLocaleCookie(cookieString: string): Locale | undefined {
  for (const part of cookieString.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LOCALE_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return isLocale(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The full `Set-Cookie`-style string for the locale cookie. */
export function localeCookieString(locale: Locale, secure: boolean): string {
  const attrs = [`${LOCALE_COOKIE}=${locale}`, 'Path=/', `Max-Age=${ONE_YEAR_SECONDS}`, 'SameSite=Lax'];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** Writes the locale cookie on the current document. */
export function writeLocaleCookie(locale: Locale, doc: Document = document): void {
  doc.cookie = localeCookieString(locale, doc.location?.protocol === 'https:');
}

/** The cookie's locale, else the first supported browser language, else English. */
export function detectLocale(cookieString: string, languages: readonly string[]): Locale {
  const fromCookie = readLocaleCookie(cookieString);
  if (fromCookie) return fromCookie;
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
