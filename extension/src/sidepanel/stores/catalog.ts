/** The model catalog from `getCatalog`, split into describe and image models. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { CALLABLES, getCatalogResponseSchema, type GetCatalogResponse } from '@mimicit/shared';
import { callFunction } from '../../lib/api';

type Model = GetCatalogResponse['models'][number];

export const useCatalogStore = defineStore('catalog', () => {
  const models = ref<Model[]>([]);
  const error = ref('');

  const promptModels = computed(() => models.value.filter((m) => m.capabilities.includes('describe')));
  const imageModels = computed(() =>
    models.value.filter((m) => m.capabilities.some((c) => c === 'text-to-image' || c === 'image-to-image')),
  );

  async function load(): Promise<void> {
    error.value = '';
    try {
      models.value = (await callFunction(CALLABLES.getCatalog, {}, getCatalogResponseSchema)).models;
    } catch (err) {
      error.value = (err as { code?: string }).code ?? 'internal';
    }
  }

  function find(id: string | undefined): Model | undefined {
    return models.value.find((m) => m.id === id);
  }

  function clear(): void {
    models.value = [];
  }

  return { models, error, promptModels, imageModels, load, find, clear };
});
