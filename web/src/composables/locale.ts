/** The UI language: read from vue-i18n, switched everywhere at once (cookie, `<html lang>`, profile). */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '@mimicit/shared';
import { isLocale, writeLocaleCookie } from '../lib/cookies';
import { useAuthStore } from '../stores/auth';

export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const auth = useAuthStore();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : 'en'));

  /** Switches the language; `persist` also saves it on the signed-in person's profile. */
  async function setLocale(next: Locale, persist = true): Promise<void> {
    locale.value = next;
    writeLocaleCookie(next);
    document.documentElement.lang = next;
    auth.setLocale(next);
    if (persist && auth.signedIn) {
      const { useProfileStore } = await import('../stores/profile');
      await useProfileStore().saveLocale(next);
    }
  }

  return { locale: current, setLocale };
}
