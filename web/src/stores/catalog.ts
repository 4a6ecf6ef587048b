/** The model catalog and credit packs, fetched once from `getCatalog`. */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { GetCatalogResponse } from '@mimicit/shared';
import type { ListStatus } from '../composables/paged-list';

type CatalogModel = GetCatalogResponse['models'][number];

export const useCatalogStore = defineStore('catalog', () => {
  const catalog = shallowRef<GetCatalogResponse | null>(null);
  const status = ref<ListStatus>('idle');
  const errorKey = ref('');

  const models = computed(() => catalog.value?.models ?? []);
  const packs = computed(() => catalog.value?.packs ?? []);
  /** Models that write prompts from an image. */
  const describeModels = computed(() => models.value.filter((m) => m.capabilities.includes('describe')));
  /** Models that make images (from text, or from text and a reference). */
  const imageModels = computed(() =>
    models.value.filter((m) => m.kind === 'image' && m.capabilities.some((c) => c !== 'describe')),
  );

  function find(id: string): CatalogModel | undefined {
    return models.value.find((m) => m.id === id);
  }

  /** Loads the catalog unless it is already there (`force` reloads). */
  async function load(force = false): Promise<void> {
    if (catalog.value && !force) return;
    status.value = 'loading';
    errorKey.value = '';
    try {
      const { getCatalog } = await import('../lib/data/api');
      catalog.value = await getCatalog();
      status.value = 'ready';
    } catch (err) {
      const { errorKey: toKey } = await import('../lib/errors');
      errorKey.value = toKey(err);
      status.value = 'error';
    }
  }

  return { catalog, status, errorKey, models, packs, describeModels, imageModels, find, load };
});
