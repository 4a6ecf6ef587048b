import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { MODELS, type CatalogModel } from '@mimicit/shared';
import { locale } from '../../lib/i18n';
import ModelSelect from './ModelSelect.vue';

const at = (id: string, extra: Partial<CatalogModel> = {}): CatalogModel => ({
  ...MODELS.find((m) => m.id === id)!,
  available: true,
  ...extra,
});

describe('ModelSelect', () => {
  beforeEach(() => (locale.value = 'en'));

  it('lists unavailable models disabled, with the reason instead of a price', () => {
    const wrapper = mount(ModelSelect, {
      props: {
        id: 'image-model',
        label: 'Model',
        selected: 'gemini-image',
        resolution: '2k',
        models: [at('gemini-image'), at('gpt-image', { available: false, unavailableReason: 'retired' })],
      },
    });
    const options = wrapper.findAll('option');
    expect(options.map((o) => o.attributes('disabled') !== undefined)).toEqual([false, true]);
    expect(options[0]!.text()).toBe('Nano Banana 2 (Gemini 3.1 Flash Image) · 5 credits at 2K');
    expect(options[1]!.text()).toBe('GPT Image 2 — retired by its provider');
  });

  it('says a model without its provider key here is not set up, in English and Japanese', async () => {
    const wrapper = mount(ModelSelect, {
      props: {
        id: 'image-model',
        label: 'Model',
        selected: 'local-preview',
        models: [at('gpt-image', { available: false, unavailableReason: 'not-configured' })],
      },
    });
    expect(wrapper.find('option').text()).toBe('GPT Image 2 — not set up here (no API key)');
    locale.value = 'ja';
    await wrapper.vm.$nextTick();
    expect(wrapper.find('option').text()).toBe('GPT Image 2 — この環境では未設定（API\u00a0キーなし）');
  });
});
