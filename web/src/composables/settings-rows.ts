/**
 * A generation's stored settings as rows a person can read: translated labels and values
 * ("Reference images: Subject, Scene, Style", "Seed: 123"), in a fixed order, internal fields
 * (the comparison id) left out.
 */
import { useI18n } from 'vue-i18n';
import type { GenerationSettings } from '@mimicit/shared';

const ORDER = [
  'aspectRatio',
  'resolution',
  'count',
  'referenceRoles',
  'withReference',
  'seed',
  'style',
  'language',
  'variants',
] as const satisfies readonly (keyof GenerationSettings)[];

export function useSettingsRows(): (
  settings: GenerationSettings,
) => { key: string; label: string; value: string }[] {
  const { t } = useI18n();
  const value = (key: (typeof ORDER)[number], settings: GenerationSettings): string => {
    switch (key) {
      case 'resolution':
        return settings.resolution!.toUpperCase();
      case 'referenceRoles':
        return settings.referenceRoles!.map((r, i) => `${i + 1}. ${t(`remix.role.${r}`)}`).join(', ');
      case 'withReference':
        return settings.withReference ? t('remix.yes') : t('remix.no');
      case 'style':
        return t(`generate.style.${settings.style!}`);
      case 'language':
        return t(`remix.language.${settings.language!}`);
      default:
        return String(settings[key]);
    }
  };
  return (settings) =>
    ORDER.filter((key) => settings[key] !== undefined)
      // The roles say more than "with a reference: yes" where both are stored.
      .filter((key) => key !== 'withReference' || !settings.referenceRoles?.length)
      .filter((key) => key !== 'referenceRoles' || settings.referenceRoles!.length > 0)
      .map((key) => ({ key, label: t(`remix.setting.${key}`), value: value(key, settings) }));
}
