import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAt, servedModels, settle } from '../testing';
import GeneratePage from './GeneratePage.vue';

vi.mock('firebase/auth', () => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
}));
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const api = vi.hoisted(() => ({
  getCatalog: vi.fn(),
  ensureProfile: vi.fn(),
  describeImage: vi.fn(),
  generateImage: vi.fn(),
  generateComparison: vi.fn(),
}));
vi.mock('../lib/data/api', () => api);
const gens = vi.hoisted(() => ({ watchGeneration: vi.fn(() => () => undefined), setFavorite: vi.fn() }));
vi.mock('../lib/data/generations', () => gens);
vi.mock('../lib/data/storage', () => ({ fetchImageBlob: vi.fn(() => new Promise(() => undefined)) }));

const catalog = { models: servedModels(), packs: [] };

describe('GeneratePage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('shows a loading state until the catalog arrives', async () => {
    api.getCatalog.mockReturnValue(new Promise(() => undefined));
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    expect(wrapper.find('[data-test=state-loading]').exists()).toBe(true);
  });

  it('shows the catalog error with a retry', async () => {
    api.getCatalog.mockRejectedValueOnce(
      Object.assign(new Error('internal'), { code: 'functions/internal' }),
    );
    api.getCatalog.mockResolvedValueOnce(catalog);
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    await settle();
    expect(wrapper.find('[data-test=state-error]').text()).toContain('could not be reached');
    await wrapper.find('[data-test=state-error] button').trigger('click');
    await settle();
    expect(wrapper.findAll('[data-test=model-option]').length).toBe(catalog.models.length + 1);
  });

  it('lists describe and image models with cost, and limits settings to the chosen model', async () => {
    api.getCatalog.mockResolvedValue(catalog);
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    await settle();
    expect(wrapper.text()).toContain('3 credits per image');
    const gpt = wrapper
      .findAll('input[name=image-model]')
      .find((i) => i.attributes('value') === 'gpt-image')!;
    await gpt.setValue(true);
    await settle();
    const ratios = wrapper.findAll('[data-test=aspect] option').map((o) => o.text());
    expect(ratios).toEqual(['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9']);
    expect(wrapper.findAll('[data-test=resolution] option').map((o) => o.text())).toEqual(['1K', '2K']);
  });

  it('shows the insufficient-credits message from the server and charges nothing', async () => {
    api.getCatalog.mockResolvedValue(catalog);
    api.generateImage.mockRejectedValue(
      Object.assign(new Error('Not enough credits'), {
        code: 'functions/failed-precondition',
        details: { reason: 'insufficient-credits' },
      }),
    );
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    await settle();
    await wrapper.find('[data-test=prompt]').setValue('a red fox');
    await wrapper.find('[data-test=generate]').trigger('click');
    await settle();
    expect(api.generateImage).toHaveBeenCalledWith(
      expect.objectContaining({ model: 'gemini-image', prompt: 'a red fox', aspectRatio: '1:1', count: 1 }),
    );
    expect(wrapper.find('[data-test=run-error]').text()).toContain('Not enough credits');
  });

  it('describes an image into an editable prompt and follows a pending generation', async () => {
    api.getCatalog.mockResolvedValue(catalog);
    api.describeImage.mockResolvedValue({
      generationId: 'g1',
      model: 'gemini-flash-vision',
      status: 'succeeded',
      cost: 1,
      replayed: false,
      resultPrompts: ['a watercolor fox', 'a fox, watercolor'],
    });
    api.generateImage.mockResolvedValue({
      generationId: 'g2',
      model: 'gemini-image',
      status: 'pending',
      cost: 4,
      replayed: false,
    });
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    await settle();
    await wrapper.find('[data-test=source-url]').setValue('https://example.com/fox.jpg');
    await wrapper.find('[data-test=source-url]').element.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    await wrapper.find('[data-test=describe]').trigger('click');
    await settle();
    expect(api.describeImage).toHaveBeenCalledWith(
      expect.objectContaining({
        source: { url: 'https://example.com/fox.jpg' },
        style: 'natural',
        variants: 1,
      }),
    );
    expect((wrapper.find('[data-test=prompt]').element as HTMLTextAreaElement).value).toBe(
      'a watercolor fox',
    );
    await wrapper.find('[data-test=generate]').trigger('click');
    await settle();
    expect(gens.watchGeneration).toHaveBeenCalledWith('u1', 'g2', expect.any(Function), expect.any(Function));
    expect(wrapper.find('[data-test=run]').attributes('aria-busy')).toBe('true');
    const onData = (
      gens.watchGeneration.mock.calls[0] as unknown as [string, string, (d: unknown) => void]
    )[2];
    onData({
      id: 'g2',
      status: 'failed',
      refunded: true,
      favorite: false,
      failureReason: 'provider down',
      images: [],
    });
    await settle();
    expect(wrapper.find('[data-test=run-failed]').text()).toContain('provider down');
    expect(wrapper.find('[data-test=not-charged]').exists()).toBe(true);
  });
});
