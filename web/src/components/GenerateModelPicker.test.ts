import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import en from '../i18n/en';
import ja from '../i18n/ja';
import { servedModels } from '../testing';
import GenerateModelPicker from './GenerateModelPicker.vue';

const served = servedModels({
  'gpt-image': { available: false, unavailableReason: 'retired' },
  'flux-2': { available: false, unavailableReason: 'disabled' },
});
const models = ['gemini-image', 'gpt-image', 'flux-2'].map((id) => served.find((m) => m.id === id)!);

function mountPicker(locale: 'en' | 'ja') {
  const i18n = createI18n({ legacy: false, locale, messages: { en, ja } });
  return mount(GenerateModelPicker, {
    props: { models, name: 'model', legend: 'Model', single: 'gemini-image' },
    global: { plugins: [i18n] },
  });
}

describe('GenerateModelPicker', () => {
  it('greys out unavailable models with their reason and does not let them be picked', async () => {
    const wrapper = mountPicker('en');
    const options = wrapper.findAll('[data-test="model-option"]');
    expect(options.map((o) => o.classes('off'))).toEqual([false, true, true]);
    expect(wrapper.findAll('[data-test="model-unavailable"]').map((w) => w.text())).toEqual([
      'Retired by its provider',
      'Switched off for now',
    ]);
    // A model nobody can use shows its reason instead of a price.
    expect(options.map((o) => o.find('[data-test=model-cost]').exists())).toEqual([true, false, false]);
    const retired = options[1]!.find('input');
    expect(retired.attributes('disabled')).toBeDefined();
    expect(retired.attributes('aria-describedby')).toBe('model-gpt-image-why');
    await retired.trigger('change');
    expect(wrapper.emitted('update:single')).toBeUndefined();
  });

  it('says why in Japanese too', () => {
    const texts = mountPicker('ja')
      .findAll('[data-test="model-unavailable"]')
      .map((w) => w.text());
    expect(texts).toEqual(['提供元が提供を終了しました', '現在停止中です']);
  });
});
