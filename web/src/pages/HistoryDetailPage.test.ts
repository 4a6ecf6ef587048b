import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAt, until } from '../testing';
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
});
