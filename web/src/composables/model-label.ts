/**
 * A model's name as the UI shows it. Product names (Gemini, FLUX…) come from the shared
 * catalog as they are; a label that is a description (the local preview model) is translated
 * here, at display time, from the `models` messages keyed by model id.
 */
import { useI18n } from 'vue-i18n';
import { useCatalogStore } from '../stores/catalog';

export function useModelLabel(): (id: string) => string {
  const { t, te } = useI18n();
  const catalog = useCatalogStore();
  return (id) => {
    const key = `models.${id}`;
    return te(key) ? t(key) : (catalog.find(id)?.label ?? id);
  };
}
