/** Panel settings (models, language, generation options) in `chrome.storage.local`. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { ASPECT_RATIOS, LOCALES, RESOLUTIONS } from '@mimicit/shared';
import { locale } from '../../lib/i18n';

export const SETTINGS_KEY = 'mimicit.settings';

export const settingsSchema = z.object({
  language: z.enum(LOCALES).optional(),
  promptModel: z.string().max(64).optional(),
  imageModel: z.string().max(64).optional(),
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  resolution: z.enum(RESOLUTIONS).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({});

  async function load(): Promise<void> {
    const stored: Record<string, unknown> = await chrome.storage.local.get(SETTINGS_KEY);
    const parsed = settingsSchema.safeParse(stored[SETTINGS_KEY] ?? {});
    settings.value = parsed.success ? parsed.data : {};
    if (settings.value.language) locale.value = settings.value.language;
  }

  async function update(patch: Settings): Promise<void> {
    settings.value = { ...settings.value, ...patch };
    if (patch.language) locale.value = patch.language;
    await chrome.storage.local.set({ [SETTINGS_KEY]: settings.value });
  }

  return { settings, load, update };
});
