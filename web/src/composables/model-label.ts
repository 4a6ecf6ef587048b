/**
 * A model's name as the UI shows it. Product names (Gemini, FLUX…) come from the catalog as
 * they are; a label that is a description (the local preview model) is translated here, at
 * display time, from the `models` messages keyed by model id.
 */
import { useI18n } from 'vue-i18n';
import { useCatalogStore } from '../stores/catalog';

/** `label(id, catalogLabel?)`: without the catalog's label at hand it is looked up in the store. */
export function useModelLabel(): (id: string, catalogLabel?: string) => string {
  const { t, te } = useI18n();
  return (id, catalogLabel) => {
    const key = `models.${id}`;
    if (te(key)) return t(key);
    return catalogLabel ?? useCatalogStore().find(id)?.label ?? id;
  };
}
