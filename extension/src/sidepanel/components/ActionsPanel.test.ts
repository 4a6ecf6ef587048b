// The side panel's buttons and model list show exactly what the server will reserve: the shared
// pricing functions the callables charge with (functions/src/generation/pricing.test.ts holds the
// server to the same functions), at every resolution the model offers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { MODELS, RESOLUTIONS, describeCost, imageCost, type Resolution } from '@mimicit/shared';
import { locale } from '../../lib/i18n';
import { useCatalogStore } from '../stores/catalog';
import { useSettingsStore } from '../stores/settings';
import ActionsPanel from './ActionsPanel.vue';

// The panel's Firebase instances are not needed to render prices.
vi.mock('../../lib/firebase', () => ({ db: {}, storage: {}, auth: {} }));

const models = MODELS.map((m) => ({
  ...m,
  capabilities: [...m.capabilities],
  aspectRatios: [...m.aspectRatios],
  resolutions: [...m.resolutions],
  available: true,
}));
const model = (id: string) => models.find((m) => m.id === id)!;
const firstNumber = (text: string) => Number(/\d+/.exec(text)?.[0]);
const CASES = models
  .filter((m) => m.kind === 'image')
  .flatMap((m) =>
    RESOLUTIONS.filter((r) => m.resolutions.includes(r)).map((r): [string, Resolution] => [m.id, r]),
  );

function mountPanel(settings: { imageModel?: string; resolution?: Resolution; promptModel?: string }) {
  setActivePinia(createPinia());
  useCatalogStore().models = models;
  useSettingsStore().settings = settings;
  return mount(ActionsPanel);
}

describe('ActionsPanel prices', () => {
  beforeEach(() => {
    locale.value = 'en';
    vi.stubGlobal('chrome', { storage: { local: { set: vi.fn(async () => undefined) } } });
  });

  it('covers 1K, 2K and 4K', () =>
    expect(new Set(CASES.map(([, r]) => r))).toEqual(new Set(['1k', '2k', '4k'])));

  it.each(CASES)('%s at %s: the Generate button and the model list show the server price', (id, r) => {
    const wrapper = mountPanel({ imageModel: id, resolution: r });
    const charged = imageCost(model(id), r, 1);
    expect(firstNumber(wrapper.find('[data-test=generate]').text())).toBe(charged);
    const option = wrapper.find(`[data-test=image-model] option[value=${id}]`);
    expect(option.text()).toBe(
      `${model(id).label} · ${charged} credit${charged === 1 ? '' : 's'} at ${r.toUpperCase()}`,
    );
    expect(wrapper.find('#resolution').element).toHaveProperty('value', r);
  });

  it('a model without the chosen resolution is listed at the price it would run at', () => {
    locale.value = 'ja';
    const wrapper = mountPanel({ imageModel: 'gemini-image', resolution: '4k' });
    expect(wrapper.find('[data-test=image-model] option[value=gpt-image]').text()).toBe(
      'GPT Image 2 · 1K で 6 クレジット',
    );
    expect(wrapper.find('[data-test=generate]').text()).toBe('生成 · 8 クレジット');
  });

  it('Describe shows the describe price', () => {
    const wrapper = mountPanel({ promptModel: 'gpt-vision' });
    expect(firstNumber(wrapper.find('[data-test=describe]').text())).toBe(describeCost(model('gpt-vision')));
  });
});
