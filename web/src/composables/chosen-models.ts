/** The image model(s) the Generate page would run now: the one chosen, or the comparison's. */
import { computed } from 'vue';
import { useCatalogStore } from '../stores/catalog';
import { useGenerateStore } from '../stores/generate';

export function useChosenImageModels() {
  const catalog = useCatalogStore();
  const gen = useGenerateStore();
  return computed(() =>
    (gen.compareMode ? gen.compareModels : [gen.imageModel])
      .map((id) => catalog.find(id))
      .filter((m) => m !== undefined),
  );
}
