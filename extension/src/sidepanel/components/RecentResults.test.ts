// Recent results in happy-dom: thumbnails in the list and the full image only when opened, the
// seed, Reproduce (same seed) and Vary (new seed) with the references this panel sent, and a
// result picked as a reference. The data port and callables are mocked at their boundaries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import RecentResults from './RecentResults.vue';
import { useCatalogStore } from '../stores/catalog';
import { catalogModels } from '../testing';
import { useGenerationsStore, type ResultItem } from '../stores/generations';
import { useReferencesStore } from '../stores/references';
import { locale } from '../../lib/i18n';
import type * as ApiModule from '../../lib/api';

const port = vi.hoisted(() => ({ read: [] as string[] }));
vi.mock('../../lib/firebase', () => ({
  auth: { currentUser: null },
  dataPort: async () => ({
    readBlob: async (path: string) => {
      port.read.push(path);
      return new Blob([path], { type: 'image/webp' });
    },
  }),
}));
vi.mock('firebase/auth/web-extension', () => ({}));
const api = vi.hoisted(() => ({ callFunction: vi.fn() }));
vi.mock('../../lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof ApiModule>()),
  callFunction: api.callFunction,
}));

const until = <T>(assertion: () => T) => vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
const FULL = 'users/u1/generations/g1-0.jpg';
const THUMB = 'users/u1/generations/g1-0.thumb.webp';
const item = (extra: Partial<ResultItem> = {}): ResultItem => ({
  id: 'g1',
  kind: 'image',
  status: 'succeeded',
  model: 'local-preview',
  prompts: [],
  images: [{ path: FULL, thumb: THUMB }],
  favorite: false,
  prompt: 'a fox',
  aspectRatio: '1:1',
  resolution: '1k',
  seed: 4242,
  referenceRoles: [],
  ...extra,
});
const answer = (id: string, seed: number) => async () => ({
  generationId: id,
  model: 'local-preview',
  status: 'succeeded',
  cost: 1,
  replayed: false,
  imagePaths: [`users/u1/generations/${id}-0.jpg`],
  thumbnailPaths: [`users/u1/generations/${id}-0.thumb.webp`],
  seed,
});

function mountWith(recent: ResultItem[]) {
  setActivePinia(createPinia());
  useCatalogStore().models = catalogModels();
  const generations = useGenerationsStore();
  generations.recent = recent;
  generations.recentState = 'ready';
  return mount(RecentResults, { attachTo: document.body });
}

beforeEach(() => {
  vi.clearAllMocks();
  port.read = [];
  locale.value = 'en';
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }),
  );
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('RecentResults', () => {
  it('draws the thumbnail, and reads the full image only when it is opened', async () => {
    const wrapper = mountWith([item()]);
    await until(() => expect(port.read).toEqual([THUMB]));
    expect(wrapper.find('[data-test=seed-value]').text()).toBe('Seed 4242');
    await wrapper.find('[data-test=result-open]').trigger('click');
    await until(() => expect(port.read).toEqual([THUMB, FULL]));
    expect(wrapper.find('[data-test=viewer]').exists()).toBe(true);
    await wrapper.find('[data-test=viewer-close]').trigger('click');
  });

  it('falls back to the full image for a result saved before thumbnails', async () => {
    mountWith([item({ images: [{ path: FULL }] })]);
    await until(() => expect(port.read).toEqual([FULL]));
  });

  it('Reproduce sends the same request and seed; Vary the same request without a seed', async () => {
    api.callFunction.mockImplementationOnce(answer('g2', 4242)).mockImplementationOnce(answer('g3', 99));
    const wrapper = mountWith([item()]);
    expect(wrapper.find('[data-test=reproduce]').text()).toBe('Reproduce · 1 credit');
    await wrapper.find('[data-test=reproduce]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(1));
    expect(api.callFunction.mock.calls[0]![1]).toMatchObject({
      model: 'local-preview',
      prompt: 'a fox',
      aspectRatio: '1:1',
      resolution: '1k',
      seed: 4242,
    });
    await until(() => expect(wrapper.find('[data-test=vary]').attributes('disabled')).toBeUndefined());
    await wrapper.find('[data-test=result][data-id=g1] [data-test=vary]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(2));
    const vary = api.callFunction.mock.calls[1]![1] as Record<string, unknown>;
    expect(vary).toMatchObject({ model: 'local-preview', prompt: 'a fox' });
    expect(vary).not.toHaveProperty('seed');
    expect(vary.requestId).not.toBe((api.callFunction.mock.calls[0]![1] as { requestId: string }).requestId);
  });

  it('replays the references this panel sent; without them it explains why it cannot', async () => {
    const withRefs = item({ id: 'g9', referenceRoles: ['subject', 'style'] });
    const wrapper = mountWith([withRefs]);
    expect(wrapper.find('[data-test=reproduce]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-test=not-replayable]').text()).toContain('never stored');
    locale.value = 'ja';
    await until(() => expect(wrapper.find('[data-test=not-replayable]').text()).toContain('保存しません'));

    // The same result made by this panel: its request (with the references as sent) is known.
    api.callFunction.mockImplementation(answer('g9', 7));
    const generations = useGenerationsStore();
    const references = useReferencesStore();
    references.add({ kind: 'result', path: 'users/u1/generations/old-0.jpg' });
    generations.prompt = 'mix them';
    const model = useCatalogStore().find('local-preview')!;
    await generations.generate(references.picked, model, { aspectRatio: '1:1', resolution: '1k' });
    const sent = api.callFunction.mock.calls[0]![1] as { references: unknown[] };
    expect(sent.references).toEqual([
      { source: { dataUrl: expect.stringMatching(/^data:image\/webp;base64,/) } },
    ]);
    generations.recent = [{ ...withRefs, id: 'g9', referenceRoles: ['plain'], seed: 7 }];
    await until(() => expect(wrapper.find('[data-test=reproduce]').attributes('disabled')).toBeUndefined());
    await wrapper.find('[data-test=reproduce]').trigger('click');
    await until(() => expect(api.callFunction).toHaveBeenCalledTimes(2));
    expect(api.callFunction.mock.calls[1]![1]).toMatchObject({ references: sent.references, seed: 7 });
  });

  it('a result can be picked as a reference, with its order and role', async () => {
    const wrapper = mountWith([item()]);
    await wrapper.find('[data-test=use-reference]').trigger('click');
    const references = useReferencesStore();
    expect(references.picked).toMatchObject([{ kind: 'result', path: FULL, thumbPath: THUMB }]);
    await until(() =>
      expect(wrapper.find('[data-test=use-reference]').attributes('aria-pressed')).toBe('true'),
    );
    expect(wrapper.find('[data-test=role]').exists()).toBe(true);
  });
});
