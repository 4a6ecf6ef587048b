/** Why a generation failed, in the UI language (the server's own text is English only). */
import { useI18n } from 'vue-i18n';
import { failureKey } from '../lib/errors';

export function useFailureText(): (item: { failureCode?: string; failureReason?: string }) => string {
  const { t } = useI18n();
  return (item) => {
    const key = failureKey(item.failureCode);
    return key ? t(key) : (item.failureReason ?? t('errors.generic'));
  };
}
