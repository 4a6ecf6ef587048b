// Generate with several references in happy-dom: the pick limit per model, models greyed out
// with the reason, roles only where the model takes them, seeds only where it takes one, priced
// resolutions and the total, and the byte fallback for images the server cannot fetch.
// Callables are mocked at the panel's own callable client; `chrome` at the API boundary.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { MODELS, SEED_MAX, priceOf } from '@mimicit/shared';
import GenerateSection from './GenerateSection.vue';
import { useCatalogStore } from '../stores/catalog';
import { catalogModels, type CatalogEntry as CatalogModel } from '../testing';
import { useGenerationsStore } from '../stores/generations';
import { useReferencesStore } from '../stores/references';
import { useSettingsStore } from '../stores/settings';
import { locale } from '../../lib/i18n';
import type { PageImage } from '../../lib/page-image';
import type * as ApiModule from '../../lib/api';

vi.mock('../../lib/firebase', () => ({ auth: { currentUser: null }, dataPort: vi.fn() }));
vi.mock('firebase/auth/web-extension', () => ({}));
const api = vi.hoisted(() => ({ callFunction: vi.fn() }));
vi.mock('../../lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof ApiModule>()),
  callFunction: api.callFunction,
}));

const until = <T>(assertion: () => T) => vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
const image = (name: string): PageImage => ({
  src: `https://shop.test/${name}.jpg`,
  thumb: `https://shop.test/${name}.jpg`,
  width: 800,
  height: 600,
  displayWidth: 200,
  displayHeight: 150,
  alt: name,
});
const answer = async () => ({
  generationId: 'g1',
  model: 'm',
  status: 'succeeded',
  cost: 3,
  replayed: false,
  imagePaths: ['users/u1/generations/g1-0.jpg'],
  thumbnailPaths: ['users/u1/generations/g1-0.thumb.webp'],
  seed: 42,
});
const sentRequest = (n = 0) => api.callFunction.mock.calls[n]![1] as Record<string, unknown>;

function mountWith(model: string, picks: string[], extra: (m: CatalogModel[]) => void = () => undefined) {
  setActivePinia(createPinia());
  const models = catalogModels();
  extra(models);
  useCatalogStore().models = models;
  useSettingsStore().settings = { imageModel: model };
  const references = useReferencesStore();
  for (const name of picks) references.add({ kind: 'page', image: image(name), tabId: 7 });
  useGenerationsStore().prompt = 'a fox in a forest';
  return mount(GenerateSection, { attachTo: document.body });
}

beforeEach(() => {
  vi.clearAllMocks();
  locale.value = 'en';
  vi.stubGlobal('chrome', {
    storage: { local: { set: vi.fn(async () => undefined) } },
    tabs: { sendMessage: vi.fn(async () => ({ ok: true, dataUrl: 'data:image/png;base64,AAAA' })) },
  });
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('GenerateSection with references', () => {
  it('caps the picks at the chosen model’s limit and says why ("4 of 4")', async () => {
    const wrapper = mountWith('gemini-image', ['a', 'b', 'c', 'd']);
    const references = useReferencesStore();
    expect(references.add({ kind: 'page', image: image('e'), tabId: 7 })).toBe(false);
    expect(references.picked).toHaveLength(4);
    expect(references.notice?.key).toBe('refs.limit');
    await until(() => expect(wrapper.find('[data-test=reference-count]').text()).toBe('4 of 4'));
  });

  it('names the model of the pick limit in the panel’s current language', async () => {
    mountWith('local-preview', ['a', 'b', 'c', 'd']);
    const references = useReferencesStore();
    expect(references.add({ kind: 'page', image: image('e'), tabId: 7 })).toBe(false);
    expect(references.notice?.params.model).toBe('Local preview (no AI)');
    locale.value = 'ja';
    expect(references.notice?.params.model).toBe('ローカルプレビュー（AI なし）');
  });

  it('greys out the models that cannot take the picked references, with the reason', async () => {
    const wrapper = mountWith('gpt-image', ['a', 'b', 'c', 'd', 'e']);
    await until(() => expect(wrapper.find('[data-test=reference-count]').text()).toBe('5 of 16'));
    const option = (id: string) => wrapper.find(`[data-test=image-model] option[value=${id}]`);
    expect(option('gemini-image').attributes('disabled')).toBeDefined();
    expect(option('gemini-image').text()).toBe(
      'Nano Banana 2 (Gemini 3.1 Flash Image) — takes at most 4 reference images',
    );
    expect(option('gpt-image').attributes('disabled')).toBeUndefined();
    expect(wrapper.find('[data-test=model-refused]').exists()).toBe(false);
    locale.value = 'ja';
    await until(() => expect(option('flux-2').text()).toBe('FLUX.2 [pro] — 参照画像は 4 枚まで'));
  });

  it('a chosen model that cannot run with the references disables Generate and says so', async () => {
    const wrapper = mountWith('gemini-image', [], (models) => {
      Object.assign(
        models.find((m) => m.id === 'gemini-image')!,
        { capabilities: ['image-to-image'] },
      );
    });
    await until(() =>
      expect(wrapper.find('[data-test=model-refused]').text()).toBe(
        'The chosen model needs a reference image. Change the references or choose another model.',
      ),
    );
    expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeDefined();
  });

  it('sends each reference by URL with its role, in the order picked', async () => {
    api.callFunction.mockImplementation(answer);
    const wrapper = mountWith('gemini-image', ['a', 'b', 'c']);
    const references = useReferencesStore();
    references.setRole(references.picked[0]!.key, 'subject');
    references.setRole(references.picked[2]!.key, 'style');
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(1));
    expect(sentRequest()).toMatchObject({
      model: 'gemini-image',
      prompt: 'a fox in a forest',
      resolution: '1k',
      references: [
        { source: { url: 'https://shop.test/a.jpg' }, role: 'subject' },
        { source: { url: 'https://shop.test/b.jpg' } },
        { source: { url: 'https://shop.test/c.jpg' }, role: 'style' },
      ],
    });
    expect(sentRequest()).not.toHaveProperty('seed');
    expect(sentRequest()).not.toHaveProperty('reference');
  });

  it('sends plain references to a model without roles, and shows no role choice', async () => {
    api.callFunction.mockImplementation(answer);
    const wrapper = mountWith('gemini-image', ['a'], (models) => {
      models.find((m) => m.id === 'gemini-image')!.referenceRoles = false;
    });
    const references = useReferencesStore();
    references.setRole(references.picked[0]!.key, 'subject');
    await until(() => expect(wrapper.text()).toContain('This model uses reference images without roles.'));
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(1));
    expect(sentRequest().references).toEqual([{ source: { url: 'https://shop.test/a.jpg' } }]);
  });

  it('retries once with the bytes read in the page the image came from', async () => {
    const { CallableError } = await import('../../lib/api');
    api.callFunction
      .mockRejectedValueOnce(new CallableError('invalid-argument', 'no', { reason: 'url-not-allowed' }))
      .mockImplementation(answer);
    const wrapper = mountWith('gemini-image', ['a']);
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(2));
    expect(sentRequest(1).references).toEqual([{ source: { dataUrl: 'data:image/png;base64,AAAA' } }]);
    expect(chrome.tabs.sendMessage).toHaveBeenCalledWith(7, {
      type: 'content/read-image',
      url: 'https://shop.test/a.jpg',
    });
    expect(sentRequest(0).requestId).not.toBe(sentRequest(1).requestId);
  });

  it('shows each resolution with its price and the total the server will reserve', async () => {
    const wrapper = mountWith('gemini-image', ['a', 'b']);
    const gemini = MODELS.find((m) => m.id === 'gemini-image')!;
    const options = wrapper.findAll('[data-test=resolution] option').map((o) => o.text());
    expect(options).toEqual(
      (['1k', '2k', '4k'] as const).map((r) => `${r.toUpperCase()} · ${priceOf(gemini, r)} credits`),
    );
    await useSettingsStore().update({ resolution: '4k' });
    await until(() =>
      expect(wrapper.find('[data-test=total]').text()).toBe(
        'Total: 8 credits (one image at 4K, references: 2)',
      ),
    );
    expect(wrapper.find('[data-test=generate]').text()).toBe('Generate · 8 credits');
  });

  it('offers a seed only where the model takes one, and refuses what is not a seed', async () => {
    api.callFunction.mockImplementation(answer);
    const gemini = mountWith('gemini-image', []);
    expect(gemini.find('[data-test=seed]').exists()).toBe(false);
    gemini.unmount();

    const wrapper = mountWith('flux-2', []);
    const seed = wrapper.find('[data-test=seed]');
    for (const bad of ['abc', '-1', '1.5', String(SEED_MAX + 1)]) {
      await seed.setValue(bad);
      expect(wrapper.find('[data-test=seed-invalid]').text()).toBe(
        `A seed is a whole number from 0 to ${SEED_MAX}.`,
      );
      expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeDefined();
    }
    await seed.setValue('1234');
    expect(wrapper.find('[data-test=seed-invalid]').exists()).toBe(false);
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(1));
    expect(sentRequest()).toMatchObject({ model: 'flux-2', seed: 1234 });
  });
});
