/** Dates and numbers in the UI language. */
import { useI18n } from 'vue-i18n';

export function useFormat() {
  const { locale } = useI18n();
  const dateTime = (d: Date | string | undefined | null): string =>
    d
      ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d))
      : '';
  const date = (d: Date | string | undefined | null): string =>
    d ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'long' }).format(new Date(d)) : '';
  const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
  return { dateTime, date, signed };
}
