import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationItem } from '../lib/data/generations';
import { mountAt, until } from '../testing';
import HistoryPage from './HistoryPage.vue';

vi.mock('firebase/auth', () => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
}));
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const data = vi.hoisted(() => ({
  fetchGenerationsPage: vi.fn(),
  setFavorite: vi.fn(),
  fetchGeneration: vi.fn(),
}));
vi.mock('../lib/data/generations', () => data);
vi.mock('../lib/data/api', () => ({
  getCatalog: vi.fn(async () => ({ models: [], packs: [] })),
  ensureProfile: vi.fn(),
}));
const storage = vi.hoisted(() => ({ fetchImageBlob: vi.fn(() => new Promise(() => undefined)) }));
vi.mock('../lib/data/storage', () => storage);

function item(id: string, extra: Partial<GenerationItem> = {}): GenerationItem {
  const now = new Date('2026-03-04T05:06:07Z');
  return {
    id,
    kind: 'prompt',
    status: 'succeeded',
    model: 'gemini-flash-vision',
    provider: 'google',
    settings: {},
    resultPrompts: [`a prompt ${id}`],
    cost: 1,
    refunded: false,
    favorite: false,
    requestId: `req-${id}`,
    createdAt: now,
    updatedAt: now,
    expiresAt: now,
    ...extra,
  };
}

describe('HistoryPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('shows a loading state while the first page is on its way', async () => {
    data.fetchGenerationsPage.mockReturnValue(new Promise(() => undefined));
    const { wrapper } = await mountAt(HistoryPage, '/history');
    expect(wrapper.find('[data-test=state-loading]').exists()).toBe(true);
  });

  it('shows the empty state', async () => {
    data.fetchGenerationsPage.mockResolvedValue({ items: [], cursor: null });
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() => expect(wrapper.find('[data-test=state-empty]').text()).toContain('Nothing here yet'));
  });

  it('shows an error with a retry that reloads', async () => {
    data.fetchGenerationsPage.mockRejectedValueOnce(
      Object.assign(new Error('offline'), { code: 'unavailable' }),
    );
    data.fetchGenerationsPage.mockResolvedValueOnce({ items: [item('g1')], cursor: null });
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() =>
      expect(wrapper.find('[data-test=state-error]').text()).toContain('not available right now'),
    );
    await wrapper.find('[data-test=state-error] button').trigger('click');
    await until(() => expect(wrapper.findAll('[data-test=history-item]')).toHaveLength(1));
  });

  it('lists items newest first, marks failed ones as not charged, and pages with the cursor', async () => {
    const cursor = { last: 'g2' };
    data.fetchGenerationsPage
      .mockResolvedValueOnce({
        items: [item('g1'), item('g2', { status: 'failed', refunded: true })],
        cursor,
      })
      .mockResolvedValueOnce({ items: [item('g3')], cursor: null });
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() => expect(wrapper.findAll('[data-test=history-item]')).toHaveLength(2));
    expect(wrapper.findAll('[data-test=not-charged]')).toHaveLength(1);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Load more')!
      .trigger('click');
    await until(() => expect(wrapper.findAll('[data-test=history-item]')).toHaveLength(3));
    expect(data.fetchGenerationsPage).toHaveBeenLastCalledWith('u1', expect.any(Object), cursor);
    await until(() => expect(wrapper.text()).toContain('You have reached the end.'));
  });

  it('filters by favorites and by a search word (lower-cased first word)', async () => {
    data.fetchGenerationsPage.mockResolvedValue({ items: [], cursor: null });
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() => expect(wrapper.find('[data-test=state-empty]').exists()).toBe(true));
    await wrapper.find('[data-test=favorites-only]').setValue(true);
    await wrapper.find('[data-test=search]').setValue('Sunset beach');
    await wrapper.find('form').trigger('submit');
    await until(() =>
      expect(data.fetchGenerationsPage).toHaveBeenLastCalledWith(
        'u1',
        { favoritesOnly: true, word: 'Sunset', model: undefined },
        null,
      ),
    );
    await until(() => expect(wrapper.find('[data-test=state-empty]').text()).toContain('Nothing matches'));
  });

  it('rolls a favorite back and explains when the write fails', async () => {
    data.fetchGenerationsPage.mockResolvedValue({ items: [item('g1')], cursor: null });
    data.setFavorite.mockRejectedValue(Object.assign(new Error('no'), { code: 'permission-denied' }));
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() => expect(wrapper.find('[data-test=favorite]').exists()).toBe(true));
    await wrapper.find('[data-test=favorite]').trigger('click');
    await until(() => expect(wrapper.text()).toContain('You do not have access to this.'));
    expect(data.setFavorite).toHaveBeenCalledWith('u1', 'g1', true);
    expect(wrapper.find('[data-test=favorite]').attributes('aria-pressed')).toBe('false');
  });

  it('draws thumbnails, and the full image only for older items without one', async () => {
    const file = (path: string, width: number) => ({
      path,
      contentType: 'image/jpeg',
      width,
      height: width,
      bytes: 1,
    });
    data.fetchGenerationsPage.mockResolvedValue({
      items: [
        item('new', {
          kind: 'image',
          images: [{ ...file('u/new-0.jpg', 2048), thumbnail: file('u/new-0.thumb.webp', 320) }],
        }),
        item('old', { kind: 'image', images: [file('u/old-0.png', 1024)] }),
      ],
      cursor: null,
    });
    const { wrapper } = await mountAt(HistoryPage, '/history');
    await until(() => expect(storage.fetchImageBlob).toHaveBeenCalledTimes(2));
    expect(storage.fetchImageBlob.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      'u/new-0.thumb.webp',
      'u/old-0.png',
    ]);
    expect(wrapper.findAll('[data-test=history-item]')).toHaveLength(2);
  });
});
