import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAt, signedInPinia, until } from '../testing';
import { useGenerateStore } from '../stores/generate';
import HistoryDetailPage from './HistoryDetailPage.vue';

vi.mock('firebase/auth', () => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
}));
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const data = vi.hoisted(() => ({
  fetchGeneration: vi.fn(),
  setFavorite: vi.fn(),
  fetchGenerationsPage: vi.fn(),
}));
vi.mock('../lib/data/generations', () => data);
const api = vi.hoisted(() => ({
  getCatalog: vi.fn(async () => ({ models: [], packs: [] })),
  ensureProfile: vi.fn(),
  deleteGeneration: vi.fn(),
}));
vi.mock('../lib/data/api', () => api);
vi.mock('../lib/data/storage', () => ({ fetchImageBlob: vi.fn(() => new Promise(() => undefined)) }));

const now = new Date('2026-03-04T05:06:07Z');
const failed = {
  id: 'g9',
  kind: 'image',
  status: 'failed',
  model: 'imagen-4',
  provider: 'google',
  settings: { aspectRatio: '16:9', resolution: '1k' },
  prompt: 'a lighthouse at dusk',
  cost: 4,
  refunded: true,
  favorite: false,
  failureReason: 'The provider is unavailable',
  requestId: 'r9',
  createdAt: now,
  updatedAt: now,
  expiresAt: now,
};

describe('HistoryDetailPage', () => {
  beforeEach(() => vi.clearAllMocks());

  it('loading, then not found', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    data.fetchGeneration.mockReturnValue(new Promise((r) => (resolve = r)));
    const { wrapper } = await mountAt(HistoryDetailPage, '/history/g9', { props: { id: 'g9' } });
    expect(wrapper.find('[data-test=state-loading]').exists()).toBe(true);
    resolve(null);
    await until(() => expect(wrapper.find('[data-test=state-empty]').text()).toContain('does not exist'));
  });

  it('shows a load error', async () => {
    data.fetchGeneration.mockRejectedValue({ code: 'deadline-exceeded' });
    const { wrapper } = await mountAt(HistoryDetailPage, '/history/g9', { props: { id: 'g9' } });
    await until(() => expect(wrapper.find('[data-test=state-error]').text()).toContain('took too long'));
  });

  it('shows settings, prompt, the failure and "not charged"; deletes after confirmation', async () => {
    data.fetchGeneration.mockResolvedValue(failed);
    api.deleteGeneration.mockResolvedValue({ deleted: true, imagesDeleted: 0 });
    const { wrapper, router } = await mountAt(HistoryDetailPage, '/history/g9', { props: { id: 'g9' } });
    await until(() => expect(wrapper.text()).toContain('a lighthouse at dusk'));
    expect(data.fetchGeneration).toHaveBeenCalledWith('u1', 'g9');
    expect(wrapper.text()).toContain('a lighthouse at dusk');
    expect(wrapper.text()).toContain('16:9');
    expect(wrapper.text()).toContain('The provider is unavailable');
    expect(wrapper.find('[data-test=not-charged]').exists()).toBe(true);
    await wrapper.find('[data-test=delete]').trigger('click');
    await until(() => expect(wrapper.find('[data-test=dialog-confirm]').exists()).toBe(true));
    expect(api.deleteGeneration).not.toHaveBeenCalled();
    await wrapper.find('[data-test=dialog-confirm]').trigger('click');
    await until(() => expect(api.deleteGeneration).toHaveBeenCalledWith('g9'));
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/history'));
  });

  const seeded = {
    ...failed,
    id: 'g7',
    status: 'succeeded',
    refunded: false,
    failureReason: undefined,
    model: 'local-preview',
    settings: {
      aspectRatio: '4:3',
      resolution: '2k',
      count: 1,
      referenceRoles: ['subject', 'scene', 'style'],
      withReference: true,
      seed: 123456,
    },
    images: [
      {
        path: 'users/u1/generations/g7-0.jpg',
        contentType: 'image/jpeg',
        width: 2048,
        height: 1536,
        bytes: 400000,
        thumbnail: {
          path: 'users/u1/generations/g7-0.thumb.webp',
          contentType: 'image/webp',
          width: 320,
          height: 240,
          bytes: 9000,
        },
      },
    ],
  };

  it.each([
    [
      'en',
      ['Aspect ratio', 'Resolution', 'Images', 'Reference images', 'Seed'],
      '1. Subject, 2. Scene, 3. Style',
    ],
    ['ja', ['アスペクト比', '解像度', '枚数', '参照画像', 'シード'], '1. 被写体, 2. 背景, 3. スタイル'],
  ] as const)(
    '%s: settings with translated labels and values, the seed shown',
    async (locale, labels, roles) => {
      data.fetchGeneration.mockResolvedValue(seeded);
      const { wrapper } = await mountAt(HistoryDetailPage, '/history/g7', { props: { id: 'g7' }, locale });
      await until(() => expect(wrapper.find('[data-test=setting-seed]').exists()).toBe(true));
      expect(wrapper.findAll('dt').map((d) => d.text())).toEqual(expect.arrayContaining([...labels]));
      expect(wrapper.text()).not.toMatch(/referenceRoles|withReference|aspectRatio/);
      expect(wrapper.find('[data-test=setting-seed]').text()).toBe('123456');
      expect(wrapper.find('[data-test=setting-resolution]').text()).toBe('2K');
      expect(wrapper.find('[data-test=setting-referenceRoles]').text()).toBe(roles);
    },
  );

  it('Reproduce: same seed, prompt and settings on the Generate page, which says the references are missing', async () => {
    data.fetchGeneration.mockResolvedValue(seeded);
    const pinia = signedInPinia();
    const { wrapper, router } = await mountAt(HistoryDetailPage, '/history/g7', {
      props: { id: 'g7' },
      pinia,
    });
    await until(() => expect(wrapper.find('[data-test=reproduce]').exists()).toBe(true));
    expect(wrapper.text()).toContain('The 3 reference images were not stored');
    await wrapper.find('[data-test=reproduce]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/generate'));
    const gen = useGenerateStore(pinia);
    expect(gen).toMatchObject({
      imageModel: 'local-preview',
      prompt: 'a lighthouse at dusk',
      aspectRatio: '4:3',
      resolution: '2k',
      seedText: '123456',
      reproduceRoles: ['subject', 'scene', 'style'],
    });
  });

  it('Vary: the same without the seed (the server draws a new one)', async () => {
    data.fetchGeneration.mockResolvedValue(seeded);
    const pinia = signedInPinia();
    const { wrapper } = await mountAt(HistoryDetailPage, '/history/g7', { props: { id: 'g7' }, pinia });
    await until(() => expect(wrapper.find('[data-test=vary]').exists()).toBe(true));
    const gen = useGenerateStore(pinia);
    gen.seedText = '99';
    await wrapper.find('[data-test=vary]').trigger('click');
    expect(gen).toMatchObject({ imageModel: 'local-preview', seedText: '', resolution: '2k' });
  });

  it('no Reproduce or Vary for a generation without a seed', async () => {
    data.fetchGeneration.mockResolvedValue(failed);
    const { wrapper } = await mountAt(HistoryDetailPage, '/history/g9', { props: { id: 'g9' } });
    await until(() => expect(wrapper.text()).toContain('a lighthouse at dusk'));
    expect(wrapper.find('[data-test=reproduce]').exists()).toBe(false);
  });
});
