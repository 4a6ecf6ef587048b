// The side panel's Describe / Generate buttons in happy-dom: one action per person's click, the
// translated errors and model labels (prices: ActionsPanel.test.ts). Firebase is mocked at the module boundary; callables at
// the panel's own callable client.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ActionsPanel from './ActionsPanel.vue';
import { useCatalogStore } from '../stores/catalog';
import { catalogModels } from '../testing';
import { useGenerationsStore } from '../stores/generations';
import { useImagesStore } from '../stores/images';
import { useReferencesStore } from '../stores/references';
import { locale } from '../../lib/i18n';
import type * as ApiModule from '../../lib/api';

vi.mock('../../lib/firebase', () => ({ auth: { currentUser: null }, db: {}, storage: {} }));
vi.mock('firebase/auth/web-extension', () => ({}));
vi.mock('firebase/firestore', () => ({ doc: vi.fn(), onSnapshot: vi.fn(() => () => undefined) }));
vi.mock('firebase/storage', () => ({}));
const api = vi.hoisted(() => ({ callFunction: vi.fn() }));
vi.mock('../../lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof ApiModule>()),
  callFunction: api.callFunction,
}));

const until = <T>(assertion: () => T) => vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
const IMAGE = {
  src: 'https://shop.test/fox.jpg',
  thumb: 'https://shop.test/fox.jpg',
  width: 800,
  height: 600,
  displayWidth: 200,
  displayHeight: 150,
  alt: 'a fox',
};

function press(el: Element, detail: number): void {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, detail }));
}

function mountPanel() {
  setActivePinia(createPinia());
  useCatalogStore().models = catalogModels();
  const images = useImagesStore();
  images.images = [IMAGE, { ...IMAGE, src: 'https://shop.test/owl.jpg', thumb: 'https://shop.test/owl.jpg' }];
  useReferencesStore().add({ kind: 'page', image: IMAGE, tabId: null });
  return mount(ActionsPanel, { attachTo: document.body });
}

const succeeded = (kind: 'prompt' | 'image') => async () => ({
  generationId: `g-${kind}`,
  model: 'gemini-flash-vision',
  status: 'succeeded',
  cost: 1,
  replayed: false,
  ...(kind === 'prompt' ? { resultPrompts: ['a red fox'] } : { imagePaths: ['users/u1/generations/g.png'] }),
});

describe('ActionsPanel', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    locale.value = 'en';
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a triple click on Describe sends one describe call', async () => {
    api.callFunction.mockImplementation(succeeded('prompt'));
    const wrapper = mountPanel();
    const generations = useGenerationsStore();
    const button = wrapper.find('[data-test=describe]').element;
    press(button, 1);
    await until(() => expect(generations.prompt).toBe('a red fox'));
    // The first describe is already done when the second and third presses arrive.
    press(button, 2);
    press(button, 3);
    expect(generations.busy).toBe(false); // A start would have set it at once.
    expect(api.callFunction).toHaveBeenCalledTimes(1);
    expect(api.callFunction.mock.calls[0]![0]).toBe('describeImage');
  });

  it('a triple click on Generate sends one generate call; a later click sends another', async () => {
    api.callFunction.mockImplementation(succeeded('image'));
    const wrapper = mountPanel();
    const generations = useGenerationsStore();
    generations.prompt = 'a red fox';
    await until(() => expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeUndefined());
    const button = wrapper.find('[data-test=generate]').element;
    for (const detail of [1, 2, 3]) press(button, detail);
    await until(() => expect(generations.current?.id).toBe('g-image'));
    expect(api.callFunction).toHaveBeenCalledTimes(1);
    press(button, 1);
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(2));
    const ids = api.callFunction.mock.calls.map(([, req]) => (req as { requestId: string }).requestId);
    expect(new Set(ids).size).toBe(2);
  });

  it('explains a dropped connection, and the error goes with another image or on dismiss', async () => {
    locale.value = 'ja';
    const { CallableError } = await import('../../lib/api');
    api.callFunction.mockRejectedValue(
      new CallableError('unavailable', 'Network error.', undefined, { cause: new TypeError('fetch failed') }),
    );
    const wrapper = mountPanel();
    await wrapper.find('[data-test=describe]').trigger('click');
    await until(() =>
      expect(wrapper.find('[data-test=error]').text()).toContain('サーバーに接続できませんでした'),
    );
    const references = useReferencesStore();
    references.clear();
    references.add({ kind: 'page', image: useImagesStore().images[1]!, tabId: null });
    await until(() => expect(wrapper.find('[data-test=error]').exists()).toBe(false));
    await wrapper.find('[data-test=describe]').trigger('click');
    await until(() => expect(wrapper.find('[data-test=error-dismiss]').text()).toBe('閉じる'));
    await wrapper.find('[data-test=error-dismiss]').trigger('click');
    await until(() => expect(wrapper.find('[data-test=error]').exists()).toBe(false));
  });

  it('translates the local preview model’s label, keeps product names', () => {
    locale.value = 'ja';
    const wrapper = mountPanel();
    const options = wrapper.findAll('[data-test=image-model] option').map((o) => o.text());
    expect(options.find((o) => o.startsWith('ローカルプレビュー（AI なし） · '))).toBeDefined();
    expect(options.some((o) => o.includes('Local preview'))).toBe(false);
    expect(options.find((o) => o.startsWith('GPT Image 2 · '))).toBeDefined();
  });
});
