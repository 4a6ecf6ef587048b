import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DOMWrapper } from '@vue/test-utils';
import { mountAt, servedModels, until } from '../testing';
import { useGenerateStore } from '../stores/generate';
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

/** A pending answer for whatever request id the page sent. */
function pendingAnswer(model = 'gemini-image') {
  return async (req: { requestId: string }) => ({
    generationId: `g-${req.requestId}`,
    model,
    status: 'pending' as const,
    cost: 4,
    replayed: false,
  });
}

/** One press of a double or triple click as the browser delivers it: `detail` counts the presses. */
function press(button: DOMWrapper<Element>, detail: number): void {
  button.element.dispatchEvent(new MouseEvent('click', { bubbles: true, detail }));
}

/** All the presses of a multi-click at once, before the page re-renders. */
function multiClick(button: DOMWrapper<Element>, presses: number): void {
  for (let detail = 1; detail <= presses; detail++) press(button, detail);
}

async function readyPage(options: { locale?: 'en' | 'ja' } = {}) {
  api.getCatalog.mockResolvedValue(catalog);
  const mounted = await mountAt(GeneratePage, '/generate', options);
  await until(() => expect(mounted.wrapper.findAll('[data-test=model-option]').length).toBeGreaterThan(0));
  return mounted;
}

async function chooseUrl(wrapper: Awaited<ReturnType<typeof readyPage>>['wrapper'], url: string) {
  await wrapper.find('[data-test=source-url]').setValue(url);
  await wrapper.find('[data-test=source-url]').element.closest('form')!.dispatchEvent(new Event('submit'));
  await until(() => expect(wrapper.find('[data-test=source-preview]').exists()).toBe(true));
}

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
      Object.assign(new Error('internal [0]'), { code: 'functions/internal' }),
    );
    api.getCatalog.mockResolvedValueOnce(catalog);
    const { wrapper } = await mountAt(GeneratePage, '/generate');
    await until(() =>
      expect(wrapper.find('[data-test=state-error]').text()).toContain('could not be reached'),
    );
    await wrapper.find('[data-test=state-error] button').trigger('click');
    await until(() =>
      expect(wrapper.findAll('[data-test=model-option]').length).toBe(catalog.models.length + 1),
    );
  });

  it('lists describe and image models with cost, and limits settings to the chosen model', async () => {
    const { wrapper } = await readyPage();
    expect(wrapper.text()).toContain('3 credits per image');
    const gpt = wrapper
      .findAll('input[name=image-model]')
      .find((i) => i.attributes('value') === 'gpt-image')!;
    await gpt.setValue(true);
    await until(() =>
      expect(wrapper.findAll('[data-test=aspect] option').map((o) => o.text())).toEqual([
        '1:1',
        '4:3',
        '3:4',
        '3:2',
        '2:3',
        '16:9',
        '9:16',
        '21:9',
      ]),
    );
    // Each resolution with its price per image, from the shared pricing functions.
    expect(wrapper.findAll('[data-test=resolution] option').map((o) => o.text())).toEqual([
      '1K · 6 credits per image',
      '2K · 10 credits per image',
    ]);
  });

  it('translates the local preview model’s label in Japanese, keeps product names', async () => {
    const { wrapper } = await readyPage({ locale: 'ja' });
    const titles = wrapper.findAll('[data-test=model-option] .title').map((t) => t.text());
    expect(titles).toContain('ローカルプレビュー（AI\u00a0なし）');
    expect(titles).not.toContain('Local preview (no AI)');
    expect(titles).toContain('Nano Banana 2 (Gemini 3.1 Flash Image)');
  });

  it('shows the insufficient-credits message from the server and charges nothing', async () => {
    api.generateImage.mockRejectedValue(
      Object.assign(new Error('Not enough credits'), {
        code: 'functions/failed-precondition',
        details: { reason: 'insufficient-credits' },
      }),
    );
    const { wrapper } = await readyPage();
    await wrapper.find('[data-test=prompt]').setValue('a red fox');
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() => expect(wrapper.find('[data-test=run-error]').text()).toContain('Not enough credits'));
    expect(api.generateImage).toHaveBeenCalledWith(
      expect.objectContaining({ model: 'gemini-image', prompt: 'a red fox', aspectRatio: '1:1', count: 1 }),
    );
  });

  describe('one action, one call', () => {
    it('a triple click on Generate sends one request with one request id and shows one run', async () => {
      api.generateImage.mockImplementation(pendingAnswer());
      const { wrapper } = await readyPage();
      const gen = useGenerateStore();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      const button = wrapper.find('[data-test=generate]');
      // The first press's request is on its way before the next presses arrive, as with a person.
      press(button, 1);
      await until(() => expect(api.generateImage).toHaveBeenCalledTimes(1));
      await until(() => expect(gen.starting).toBe(false));
      press(button, 2);
      press(button, 3);
      // A start shows its run card synchronously: none was added by the second and third press.
      expect(gen.runs).toHaveLength(1);
      await until(() => expect(gens.watchGeneration).toHaveBeenCalled());
      expect(api.generateImage).toHaveBeenCalledTimes(1);
      expect(wrapper.findAll('[data-test=run]')).toHaveLength(1);
    });

    it('a triple click faster than the request is sent is still one request', async () => {
      api.generateImage.mockImplementation(pendingAnswer());
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      multiClick(wrapper.find('[data-test=generate]'), 3);
      await until(() => expect(gens.watchGeneration).toHaveBeenCalled());
      expect(api.generateImage).toHaveBeenCalledTimes(1);
      expect(wrapper.findAll('[data-test=run]')).toHaveLength(1);
    });

    it('two deliberate starts while the first still runs make two requests with two ids', async () => {
      api.generateImage.mockImplementation(pendingAnswer());
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      multiClick(wrapper.find('[data-test=generate]'), 2);
      await until(() => expect(gens.watchGeneration).toHaveBeenCalledTimes(1));
      // The first generation is still pending on the server; a new click is a new action.
      await until(() => expect(wrapper.find('[data-test=generate]').attributes('disabled')).toBeUndefined());
      multiClick(wrapper.find('[data-test=generate]'), 1);
      await until(() => expect(gens.watchGeneration).toHaveBeenCalledTimes(2));
      expect(api.generateImage).toHaveBeenCalledTimes(2);
      const ids = api.generateImage.mock.calls.map(([req]) => (req as { requestId: string }).requestId);
      expect(new Set(ids).size).toBe(2);
      expect(wrapper.findAll('[data-test=run]')).toHaveLength(2);
    });

    it('a start repeated while its request is still being sent is dropped by the store', async () => {
      api.generateImage.mockImplementation(pendingAnswer());
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      // Enter held down or a script: clicks that all look deliberate (detail 0).
      const button = wrapper.find('[data-test=generate]').element as HTMLButtonElement;
      button.click();
      button.click();
      await until(() => expect(gens.watchGeneration).toHaveBeenCalledTimes(1));
      expect(api.generateImage).toHaveBeenCalledTimes(1);
    });

    it('a held-down Enter key does not repeat the action', async () => {
      const { wrapper } = await readyPage();
      const repeat = new KeyboardEvent('keydown', { key: 'Enter', repeat: true, cancelable: true });
      wrapper.find('[data-test=generate]').element.dispatchEvent(repeat);
      expect(repeat.defaultPrevented).toBe(true);
      const first = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
      wrapper.find('[data-test=generate]').element.dispatchEvent(first);
      expect(first.defaultPrevented).toBe(false);
    });

    it('a triple click on Compare sends one comparison', async () => {
      api.generateComparison.mockImplementation(async (req: { models: string[] }) => ({
        results: req.models.map((model) => ({
          generationId: `g-${model}`,
          model,
          status: 'pending',
          cost: 4,
          replayed: false,
        })),
      }));
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      await wrapper.find('[data-test=compare-mode]').setValue(true);
      for (const id of ['gemini-image', 'flux-2']) {
        await wrapper
          .findAll('input[name=compare-models]')
          .find((i) => i.attributes('value') === id)!
          .setValue(true);
      }
      multiClick(wrapper.find('[data-test=generate]'), 3);
      await until(() => expect(gens.watchGeneration).toHaveBeenCalledTimes(2));
      expect(api.generateComparison).toHaveBeenCalledTimes(1);
      expect(wrapper.findAll('[data-test=run]')).toHaveLength(2);
    });

    it('a triple click on Describe sends one describe request', async () => {
      api.describeImage.mockImplementation(async () => ({
        generationId: 'd1',
        model: 'gemini-flash-vision',
        status: 'succeeded',
        cost: 1,
        replayed: false,
        resultPrompts: ['a fox'],
      }));
      const { wrapper } = await readyPage();
      await chooseUrl(wrapper, 'https://example.com/fox.jpg');
      multiClick(wrapper.find('[data-test=describe]'), 3);
      await until(() =>
        expect((wrapper.find('[data-test=prompt]').element as HTMLTextAreaElement).value).toBe('a fox'),
      );
      expect(api.describeImage).toHaveBeenCalledTimes(1);
    });
  });

  describe('errors go when their cause does', () => {
    it('an error run card can be dismissed from the keyboard, and focus stays on the results', async () => {
      api.generateImage.mockRejectedValue({ code: 'functions/unavailable' });
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      for (const n of [1, 2]) {
        await wrapper.find('[data-test=generate]').trigger('click');
        await until(() => expect(wrapper.findAll('[data-test=run-error]')).toHaveLength(n));
      }
      const dismiss = wrapper.find('[data-test=run-dismiss]');
      expect(dismiss.element.tagName).toBe('BUTTON'); // Focusable; Enter and Space activate it.
      expect(dismiss.attributes('aria-label')).toBe(
        'Dismiss the Nano Banana 2 (Gemini 3.1 Flash Image) result',
      );
      await dismiss.trigger('click');
      await until(() => expect(wrapper.findAll('[data-test=run]')).toHaveLength(1));
      expect(document.activeElement?.id).toBe('results-title');
      await wrapper.find('[data-test=run-dismiss]').trigger('click');
      await until(() => expect(wrapper.find('[data-test=run]').exists()).toBe(false));
      expect(document.activeElement?.id).toBe('prompt');
    });

    it('a running generation cannot be dismissed', async () => {
      api.generateImage.mockImplementation(pendingAnswer());
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=prompt]').setValue('a red fox');
      await wrapper.find('[data-test=generate]').trigger('click');
      await until(() => expect(gens.watchGeneration).toHaveBeenCalled());
      expect(wrapper.find('[data-test=run-dismiss]').exists()).toBe(false);
    });

    it('a describe error goes when the source image is removed', async () => {
      api.describeImage.mockRejectedValue({
        code: 'functions/invalid-argument',
        details: { reason: 'image-fetch-failed' },
      });
      const { wrapper } = await readyPage();
      await chooseUrl(wrapper, 'https://example.com/fox.jpg');
      await wrapper.find('[data-test=describe]').trigger('click');
      await until(() => expect(wrapper.find('[data-test=describe-error]').text()).toContain('downloaded'));
      await wrapper.find('[data-test=clear-source]').trigger('click');
      await until(() => expect(wrapper.find('[data-test=describe-error]').exists()).toBe(false));
    });

    it('a source error goes as soon as a new address is typed', async () => {
      const { wrapper } = await readyPage();
      await wrapper.find('[data-test=source-url]').setValue('ftp://example.com/x.jpg');
      await wrapper
        .find('[data-test=source-url]')
        .element.closest('form')!
        .dispatchEvent(new Event('submit'));
      await until(() => expect(wrapper.find('[data-test=source-error]').text()).toContain('http or https'));
      await wrapper.find('[data-test=source-url]').setValue('https://example.com/');
      await until(() => expect(wrapper.find('[data-test=source-error]').exists()).toBe(false));
    });
  });

  it('refuses a 0-byte file on the page with a clear message', async () => {
    const { wrapper } = await readyPage();
    const input = wrapper.find('[data-test=source-file]').element as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([], 'empty.png', { type: 'image/png' })] });
    input.dispatchEvent(new Event('change'));
    await until(() => expect(wrapper.find('[data-test=source-error]').text()).toContain('empty (0 bytes)'));
    expect(wrapper.find('[data-test=source-preview]').exists()).toBe(false);
  });

  it('describes an image into an editable prompt and follows a pending generation', async () => {
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
    const { wrapper } = await readyPage({ locale: 'ja' });
    await chooseUrl(wrapper, 'https://example.com/fox.jpg');
    await wrapper.find('[data-test=describe]').trigger('click');
    await until(() =>
      expect((wrapper.find('[data-test=prompt]').element as HTMLTextAreaElement).value).toBe(
        'a watercolor fox',
      ),
    );
    expect(api.describeImage).toHaveBeenCalledWith(
      expect.objectContaining({
        source: { url: 'https://example.com/fox.jpg' },
        style: 'natural',
        variants: 1,
      }),
    );
    await wrapper.find('[data-test=generate]').trigger('click');
    await until(() =>
      expect(gens.watchGeneration).toHaveBeenCalledWith(
        'u1',
        'g2',
        expect.any(Function),
        expect.any(Function),
      ),
    );
    expect(wrapper.find('[data-test=run]').attributes('aria-busy')).toBe('true');
    const onData = (
      gens.watchGeneration.mock.calls[0] as unknown as [string, string, (d: unknown) => void]
    )[2];
    onData({
      id: 'g2',
      status: 'failed',
      refunded: true,
      favorite: false,
      failureCode: 'provider-timeout',
      failureReason: 'The provider took too long to answer.',
      images: [],
      settings: {},
    });
    // The server's English text is not shown on a Japanese page: the failure code is translated.
    await until(() =>
      expect(wrapper.find('[data-test=run-failed]').text()).toContain('モデルの応答に時間がかかりすぎました'),
    );
    expect(wrapper.find('[data-test=run-failed]').text()).not.toContain('provider took too long');
    expect(wrapper.find('[data-test=not-charged]').exists()).toBe(true);
  });
});
