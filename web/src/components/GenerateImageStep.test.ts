// The total, the button and the model cards show exactly what the server will reserve: the
// shared pricing functions the callables charge with (functions/src/generation/pricing.test.ts
// holds the server to the same functions), at every resolution the model offers.
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import {
  RESOLUTIONS,
  comparisonCost,
  imageCost,
  type GetCatalogResponse,
  type Resolution,
} from '@mimicit/shared';
import { mountAt, servedModels, signedInPinia } from '../testing';
import { useCatalogStore } from '../stores/catalog';
import { useGenerateStore } from '../stores/generate';
import GenerateImageStep from './GenerateImageStep.vue';

const catalog: GetCatalogResponse = { models: servedModels(), packs: [] };
const model = (id: string) => catalog.models.find((m) => m.id === id)!;
const firstNumber = (text: string) => Number(/\d+/.exec(text)?.[0]);

/** [model, resolution, count] for every image model, every resolution it offers, 1 and max images. */
const CASES = catalog.models
  .filter((m) => m.kind === 'image')
  .flatMap((m) =>
    RESOLUTIONS.filter((r) => m.resolutions.includes(r)).flatMap((r) =>
      [...new Set([1, m.maxImages])].map((n): [string, Resolution, number] => [m.id, r, n]),
    ),
  );

async function mountStep(locale: 'en' | 'ja' = 'en') {
  const pinia = signedInPinia();
  const store = useCatalogStore();
  store.catalog = catalog;
  store.status = 'ready';
  const gen = useGenerateStore();
  gen.imageModel = 'gemini-image';
  gen.prompt = 'a fox';
  const { wrapper } = await mountAt(GenerateImageStep, '/generate', { pinia, locale });
  return { wrapper, gen };
}

describe('GenerateImageStep prices', () => {
  beforeEach(() => document.body.replaceChildren());

  it('covers 1K, 2K and 4K', () => {
    expect(new Set(CASES.map(([, r]) => r))).toEqual(new Set(['1k', '2k', '4k']));
  });

  it.each(CASES)('%s at %s × %i: total, button and card show the server price', async (id, r, n) => {
    const { wrapper } = await mountStep();
    await wrapper.find(`input[name=image-model][value=${id}]`).setValue(true);
    await nextTick();
    await wrapper.find('[data-test=resolution]').setValue(r);
    if (n > 1) await wrapper.find('[data-test=count]').setValue(String(n));
    await nextTick();

    const charged = imageCost(model(id), r, n);
    expect(firstNumber(wrapper.find('[data-test=total-cost]').text())).toBe(charged);
    expect(wrapper.find('[data-test=generate]').text()).toBe(
      `Generate (${charged} credit${charged === 1 ? '' : 's'})`,
    );
    const perImage = imageCost(model(id), r, 1);
    expect(wrapper.find('.option.on [data-test=model-cost]').text()).toBe(
      `${perImage} credit${perImage === 1 ? '' : 's'} per image at ${r.toUpperCase()}`,
    );
    wrapper.unmount();
  });

  it.each(['1k', '2k'] as const)('compare at %s: the total is the sum the server reserves', async (r) => {
    const { wrapper } = await mountStep();
    await wrapper.find('[data-test=compare-mode]').setValue(true);
    const ids = ['gemini-image', 'gemini-image-pro', 'gpt-image', 'flux-2'];
    for (const id of ids) await wrapper.find(`input[name=compare-models][value=${id}]`).setValue(true);
    await nextTick();
    await wrapper.find('[data-test=resolution]').setValue(r);
    await nextTick();
    const charged = comparisonCost(ids.map(model), r);
    expect(firstNumber(wrapper.find('[data-test=total-cost]').text())).toBe(charged);
    expect(wrapper.find('[data-test=generate]').text()).toBe(`Compare (${charged} credits)`);
    wrapper.unmount();
  });

  it('compare at 4K (the models that offer it)', async () => {
    const { wrapper } = await mountStep();
    await wrapper.find('[data-test=compare-mode]').setValue(true);
    const ids = ['gemini-image', 'gemini-image-pro'];
    for (const id of ids) await wrapper.find(`input[name=compare-models][value=${id}]`).setValue(true);
    await nextTick();
    await wrapper.find('[data-test=resolution]').setValue('4k');
    await nextTick();
    expect(firstNumber(wrapper.find('[data-test=total-cost]').text())).toBe(
      comparisonCost(ids.map(model), '4k'),
    );
    wrapper.unmount();
  });

  it('a card whose model lacks the chosen resolution shows the price it would run at', async () => {
    const { wrapper } = await mountStep('ja');
    await wrapper.find('[data-test=resolution]').setValue('4k');
    await nextTick();
    const cards = wrapper.findAll('[data-test=model-option]');
    const text = (id: string) =>
      cards
        .find((c) => c.find(`input[value=${id}]`).exists())!
        .find('[data-test=model-cost]')
        .text();
    expect(text('gemini-image')).toBe('4K で 1 枚あたり 8 クレジット');
    expect(text('gpt-image')).toBe('1K で 1 枚あたり 6 クレジット');
    wrapper.unmount();
  });
});
