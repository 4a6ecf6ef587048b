import { createI18n } from 'vue-i18n';
import type { Locale } from '@mimicit/shared';
import en, { type Messages } from './en';
import ja from './ja';
import { detectLocale } from '../lib/cookies';

/** Builds the i18n instance; the locale comes from the cookie, else the browser. */
export function createAppI18n(locale?: Locale) {
  const initial =
    locale ??
    (typeof document === 'undefined'
      ? 'en'
      : detectLocale(document.cookie, globalThis.navigator?.languages ?? []));
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale: initial,
    fallbackLocale: 'en',
    messages: { en, ja },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
