// The Generate page's images (issue 18): several references from files, addresses and History,
// with roles, order and removal; models that cannot take them greyed out with the reason; the
// seed field; what the request carries.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { SEED_MAX } from '@mimicit/shared';
import { mountAt, servedModels, until } from '../testing';
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
const gens = vi.hoisted(() => ({
  watchGeneration: vi.fn(() => () => undefined),
  setFavorite: vi.fn(),
  fetchGenerationsPage: vi.fn(),
}));
vi.mock('../lib/data/generations', () => gens);
const storage = vi.hoisted(() => ({ fetchImageBlob: vi.fn() }));
vi.mock('../lib/data/storage', () => storage);

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const png = (name: string) => new File([PNG], name, { type: 'image/png' });
const now = new Date('2026-03-04T05:06:07Z');
const image = (path: string) => ({ path, contentType: 'image/jpeg', width: 1024, height: 768, bytes: 9000 });
const fromHistory = {
  id: 'h1',
  kind: 'image',
  status: 'succeeded',
  model: 'local-preview',
  provider: 'local',
  settings: { seed: 5 },
  prompt: 'a red kite',
  images: [
    { ...image('users/u1/generations/h1-0.jpg'), thumbnail: image('users/u1/generations/h1-0.thumb.webp') },
  ],
  cost: 1,
  refunded: false,
  favorite: false,
  requestId: 'r-h1',
  createdAt: now,
  updatedAt: now,
  expiresAt: now,
};

async function readyPage(models = servedModels(), locale: 'en' | 'ja' = 'en') {
  api.getCatalog.mockResolvedValue({ models, packs: [] });
  const { wrapper } = await mountAt(GeneratePage, '/generate', { locale });
  await until(() => expect(wrapper.findAll('[data-test=model-option]').length).toBeGreaterThan(0));
  return wrapper;
}

async function pickModel(wrapper: VueWrapper, id: string): Promise<void> {
  await wrapper.find(`input[name=image-model][value=${id}]`).setValue(true);
}

async function addFiles(wrapper: VueWrapper, files: File[]): Promise<void> {
  const input = wrapper.find('[data-test=source-file]').element as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

async function addUrl(wrapper: VueWrapper, url: string): Promise<void> {
  await wrapper.find('[data-test=source-url]').setValue(url);
  wrapper.find('[data-test=source-url]').element.closest('form')!.dispatchEvent(new Event('submit'));
}

const tiles = (wrapper: VueWrapper) => wrapper.findAll('[data-test=reference]');
/** The greyed-out reason on a model's card, or undefined when the card is usable. */
function cardReason(wrapper: VueWrapper, id: string): string | undefined {
  const card = wrapper
    .findAll('[data-test=model-option]')
    .find((c) => c.find(`input[name=image-model][value="${id}"]`).exists());
  const why = card?.find('[data-test=model-unavailable]');
  return why?.exists() ? why.text() : undefined;
}

describe('Generate page references', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    storage.fetchImageBlob.mockImplementation(async () => new Blob([PNG], { type: 'image/png' }));
  });

  it('adds files, an address and a History image; roles, order and removal reach the request', async () => {
    gens.fetchGenerationsPage.mockResolvedValue({ items: [fromHistory], cursor: null });
    api.generateImage.mockResolvedValue({
      generationId: 'g1',
      model: 'local-preview',
      status: 'succeeded',
      cost: 2,
      replayed: false,
      imagePaths: ['users/u1/generations/g1-0.jpg'],
      seed: 1234,
    });
    const wrapper = await readyPage();
    await pickModel(wrapper, 'local-preview');
    await addFiles(wrapper, [png('a.png'), png('b.png')]);
    await until(() => expect(tiles(wrapper)).toHaveLength(2));
    await addUrl(wrapper, 'https://example.com/scene.jpg');
    await until(() => expect(tiles(wrapper)).toHaveLength(3));
    expect(wrapper.find('[data-test=reference-count]').text()).toBe('3 of 4');

    // From History: the picker draws the thumbnail; only the picked image is read in full.
    await wrapper.find('[data-test=open-history-picker]').trigger('click');
    await until(() => expect(wrapper.findAll('[data-test=history-pick]')).toHaveLength(1));
    await until(() =>
      expect(storage.fetchImageBlob).toHaveBeenCalledWith('users/u1/generations/h1-0.thumb.webp'),
    );
    expect(storage.fetchImageBlob).not.toHaveBeenCalledWith('users/u1/generations/h1-0.jpg');
    await wrapper.find('[data-test=history-pick]').trigger('click');
    await until(() => expect(tiles(wrapper)).toHaveLength(4));
    expect(storage.fetchImageBlob).toHaveBeenCalledWith('users/u1/generations/h1-0.jpg');
    expect(tiles(wrapper)[3]!.text()).toContain('From your History');
    expect(wrapper.find('[data-test=reference-count]').text()).toBe('4 of 4');

    // Roles (local preview takes them), one removed, the History image moved first.
    const roles = wrapper.findAll('[data-test=reference-role]');
    await roles[0]!.setValue('subject');
    await roles[2]!.setValue('scene');
    await roles[3]!.setValue('style');
    await tiles(wrapper)[1]!.find('[data-test=clear-source]').trigger('click');
    await until(() => expect(tiles(wrapper)).toHaveLength(3));
    await tiles(wrapper)[2]!.find('[data-test=reference-earlier]').trigger('click');
    await tiles(wrapper)[1]!.find('[data-test=reference-earlier]').trigger('click');
    await until(() => expect(tiles(wrapper)[0]!.text()).toContain('From your History'));

    await wrapper.find('[data-test=prompt]').setValue('a kite over a lake');
    await wrapper.find('[data-test=resolution]').setValue('2k');
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.generateImage).toHaveBeenCalledTimes(1));
    const req = api.generateImage.mock.calls[0]![0] as { references: { source: object; role?: string }[] };
    expect(req).toMatchObject({ model: 'local-preview', resolution: '2k' });
    expect(req).not.toHaveProperty('reference');
    expect(req.references.map((r) => r.role)).toEqual(['style', 'subject', 'scene']);
    expect(req.references[0]!.source).toEqual({ dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(req.references[2]!.source).toEqual({ url: 'https://example.com/scene.jpg' });
    await until(() => expect(wrapper.find('[data-test=run-seed]').text()).toBe('Seed 1234'));
  });

  it('greys out models that cannot take the images, each with its reason', async () => {
    const wrapper = await readyPage(
      servedModels({
        'gemini-image': { maxReferences: 2 },
        'flux-2': { referenceRoles: false },
        'gpt-image': { available: false, unavailableReason: 'not-configured' },
      }),
    );
    await pickModel(wrapper, 'local-preview');
    expect(cardReason(wrapper, 'gpt-image')).toBe('Not set up here (no API key)');
    expect(cardReason(wrapper, 'gemini-image')).toBeUndefined();
    for (const n of [1, 2, 3]) await addUrl(wrapper, `https://example.com/${n}.jpg`);
    await until(() => expect(tiles(wrapper)).toHaveLength(3));
    await until(() => expect(cardReason(wrapper, 'gemini-image')).toBe('Takes at most 2 images'));
    expect(cardReason(wrapper, 'flux-2')).toBeUndefined();
    await wrapper.findAll('[data-test=reference-role]')[0]!.setValue('subject');
    await until(() => expect(cardReason(wrapper, 'flux-2')).toBe('Cannot use subject, scene and style'));
    const flux = wrapper.find('input[name=image-model][value="flux-2"]').element as HTMLInputElement;
    expect(flux.disabled).toBe(true);
    // Not sending the images lifts both: the models take a text-only request.
    await wrapper.find('[data-test=send-references]').setValue(false);
    await until(() => expect(cardReason(wrapper, 'flux-2')).toBeUndefined());
    expect(cardReason(wrapper, 'gemini-image')).toBeUndefined();
  });

  it('the seed field: only where the model takes one; invalid blocks Generate; valid is sent', async () => {
    api.generateImage.mockResolvedValue({
      generationId: 'g2',
      model: 'local-preview',
      status: 'pending',
      cost: 1,
      replayed: false,
    });
    const wrapper = await readyPage();
    await pickModel(wrapper, 'gemini-image');
    await until(() => expect(wrapper.find('[data-test=seed]').exists()).toBe(false));
    await pickModel(wrapper, 'local-preview');
    await until(() => expect(wrapper.find('[data-test=seed]').exists()).toBe(true));
    await wrapper.find('[data-test=prompt]').setValue('a kite');
    await wrapper.find('[data-test=seed]').setValue(String(SEED_MAX + 1));
    await until(() =>
      expect(wrapper.find('[data-test=generate-blocked]').text()).toBe(
        `The seed must be a whole number from 0 to ${SEED_MAX}.`,
      ),
    );
    expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeDefined();
    await wrapper.find('[data-test=seed]').setValue('42');
    await until(() => expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeUndefined());
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(api.generateImage).toHaveBeenCalledWith(expect.objectContaining({ seed: 42 })));
  });

  it('Japanese: the count, roles and picker read in Japanese', async () => {
    gens.fetchGenerationsPage.mockResolvedValue({ items: [], cursor: null });
    const wrapper = await readyPage(servedModels(), 'ja');
    await pickModel(wrapper, 'local-preview');
    await addUrl(wrapper, 'https://example.com/1.jpg');
    await until(() => expect(wrapper.find('[data-test=reference-count]').text()).toBe('1 / 4 枚'));
    expect(wrapper.findAll('[data-test=reference-role] option').map((o) => o.text())).toEqual([
      '参照',
      '被写体',
      '背景',
      'スタイル',
    ]);
    await wrapper.find('[data-test=open-history-picker]').trigger('click');
    await until(() =>
      expect(wrapper.find('[data-test=history-picker] [data-test=state-empty]').text()).toContain(
        '生成した画像はまだありません',
      ),
    );
  });

  it('starts on the first model that can run here, not on one greyed out', async () => {
    const off = { available: false, unavailableReason: 'not-configured' as const };
    const wrapper = await readyPage(servedModels({ 'gemini-flash-vision': off, 'gemini-image': off }));
    const checked = (name: string) =>
      (
        wrapper.findAll(`input[name=${name}]`).find((i) => (i.element as HTMLInputElement).checked)
          ?.element as HTMLInputElement | undefined
      )?.value;
    await until(() => expect(checked('image-model')).toBe('gemini-image-pro'));
    expect(wrapper.findAll('input[type=radio]:checked').map((i) => i.attributes('value'))).toContain(
      'gpt-vision',
    );
  });
});
