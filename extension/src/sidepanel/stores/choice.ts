/**
 * What the person chose, as the catalog allows it: the prompt and image models (a saved choice
 * the catalog now greys out falls back to the first usable model), the aspect ratio and
 * resolution the image model offers, and what it does with references and seeds. Shared by the
 * grid (pick limit, roles), the actions and Recent results (prices).
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { LIMITS, type AspectRatio, type Resolution } from '@mimicit/shared';
import { pickLimit } from '../../lib/reference-fit';
import { useCatalogStore } from './catalog';
import { useSettingsStore } from './settings';

const usable = <M extends { available: boolean }>(m: M | undefined) => (m?.available ? m : undefined);

export const useChoiceStore = defineStore('choice', () => {
  const catalog = useCatalogStore();
  const settings = useSettingsStore();

  const promptModel = computed(
    () =>
      usable(catalog.find(settings.settings.promptModel)) ?? catalog.promptModels.find((m) => m.available),
  );
  const imageModel = computed(
    () => usable(catalog.find(settings.settings.imageModel)) ?? catalog.imageModels.find((m) => m.available),
  );
  const aspectRatio = computed<AspectRatio>(() => {
    const wanted = settings.settings.aspectRatio;
    return wanted && imageModel.value?.aspectRatios.includes(wanted)
      ? wanted
      : (imageModel.value?.aspectRatios[0] ?? '1:1');
  });
  const resolution = computed<Resolution>(() => {
    const wanted = settings.settings.resolution;
    return wanted && imageModel.value?.resolutions.includes(wanted)
      ? wanted
      : (imageModel.value?.resolutions[0] ?? '1k');
  });
  /** How many references may be picked now (the chosen image model's limit). */
  const referenceLimit = computed(() => pickLimit(imageModel.value, LIMITS.maxReferences));
  /** Whether references get roles (subject, scene, style) with the chosen model; plain otherwise. */
  const roles = computed(() => imageModel.value?.referenceRoles ?? false);
  /** Whether the chosen model takes a seed. */
  const seeded = computed(() => imageModel.value?.seed ?? false);

  return { promptModel, imageModel, aspectRatio, resolution, referenceLimit, roles, seeded };
});
