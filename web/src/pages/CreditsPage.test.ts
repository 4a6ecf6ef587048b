import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CREDIT_PACKS, ERROR_REASONS } from '@mimicit/shared';
import en from '../i18n/en';
import { mountAt, servedModels, signedInPinia, TEST_PROFILE, until } from '../testing';
import CreditsPage from './CreditsPage.vue';
import CheckoutSuccessPage from './CheckoutSuccessPage.vue';

vi.mock('firebase/auth', () => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
}));
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const api = vi.hoisted(() => ({
  getCatalog: vi.fn(),
  ensureProfile: vi.fn(),
  createCheckoutSession: vi.fn(),
}));
vi.mock('../lib/data/api', () => api);
const ledger = vi.hoisted(() => ({ fetchLedgerPage: vi.fn(), watchLedgerEntry: vi.fn() }));
vi.mock('../lib/data/ledger', () => ledger);

const packs = CREDIT_PACKS.map((p) => ({ ...p, prices: { ...p.prices }, label: { ...p.label } }));
const entry = (id: string, delta: number, reason: string, balanceAfter: number) => ({
  id,
  delta,
  reason,
  ref: id,
  balanceAfter,
  createdAt: new Date('2026-02-03T04:05:06Z'),
});

describe('CreditsPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    api.getCatalog.mockResolvedValue({ models: [], packs });
  });

  it('shows the balance, the packs with prices in the chosen currency, and the ledger', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({
      items: [entry('gen-1', -4, 'generation', 8), entry('grant-signup', 12, 'grant', 12)],
      cursor: null,
    });
    const { wrapper } = await mountAt(CreditsPage, '/credits');
    await until(() => expect(wrapper.findAll('[data-test=ledger-row]')).toHaveLength(2));
    expect(wrapper.find('[data-test=credits-balance]').text()).toBe('12 credits');
    expect(wrapper.findAll('[data-test=packs] li')).toHaveLength(3);
    expect(wrapper.text()).toContain('$4.00');
    await wrapper.find('[data-test=currency]').setValue('jpy');
    expect(wrapper.text()).toContain('¥500');
    const rows = wrapper.findAll('[data-test=ledger-row]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('-4');
    expect(rows[1]!.text()).toContain('Welcome credits');
  });

  it('has loading, empty and error states for the ledger', async () => {
    ledger.fetchLedgerPage.mockReturnValueOnce(new Promise(() => undefined));
    let { wrapper } = await mountAt(CreditsPage, '/credits');
    expect(wrapper.find('[data-test=ledger] [data-test=state-loading]').exists()).toBe(true);
    wrapper.unmount();

    ledger.fetchLedgerPage.mockResolvedValueOnce({ items: [], cursor: null });
    ({ wrapper } = await mountAt(CreditsPage, '/credits'));
    await until(() =>
      expect(wrapper.find('[data-test=state-empty]').text()).toContain('No credit changes yet'),
    );
    wrapper.unmount();

    ledger.fetchLedgerPage.mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'unavailable' }));
    ({ wrapper } = await mountAt(CreditsPage, '/credits'));
    await until(() => expect(wrapper.find('[data-test=state-error]').exists()).toBe(true));
  });

  it('sends only the pack id, currency, locale and origin to checkout, then redirects', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    api.createCheckoutSession.mockResolvedValue({
      sessionId: 'cs_1',
      url: 'https://checkout.stripe.com/c/cs_1',
    });
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      ...window.location,
      origin: 'http://127.0.0.1:5173',
      assign,
    } as Location);
    const { wrapper } = await mountAt(CreditsPage, '/credits');
    await until(() => expect(wrapper.find('[data-test=buy-creator]').exists()).toBe(true));
    // A triple click: one checkout session, one redirect.
    for (const detail of [1, 2, 3]) {
      wrapper.find('[data-test=buy-creator]').element.dispatchEvent(new MouseEvent('click', { detail }));
    }
    await until(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.com/c/cs_1'));
    expect(api.createCheckoutSession).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledTimes(1);
    expect(api.createCheckoutSession).toHaveBeenCalledWith({
      packId: 'creator',
      currency: 'usd',
      locale: 'en',
      returnOrigin: 'http://127.0.0.1:5173',
    });
    vi.restoreAllMocks();
  });

  it('states the price range from the live catalog, per resolution, leaving out unusable models', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    const models = servedModels({ 'gemini-image-pro': { available: false } }).filter((m) => !m.previewOnly);
    api.getCatalog.mockResolvedValue({ models, packs });
    let { wrapper } = await mountAt(CreditsPage, '/credits');
    // Nano Banana Pro (6–10) is off: 3 (1K) to 10 (GPT Image 2 at 2K).
    await until(() =>
      expect(wrapper.find('[data-test=credits-usage]').text()).toBe(
        'A prompt costs 1 credit; an image costs 3 to 10 credits depending on the model and resolution. Failed generations are never charged.',
      ),
    );
    wrapper.unmount();
    ({ wrapper } = await mountAt(CreditsPage, '/credits', { locale: 'ja' }));
    await until(() =>
      expect(wrapper.find('[data-test=credits-usage]').text()).toBe(
        'プロンプトは 1 クレジット、画像はモデルと解像度により 3〜10 クレジットです。失敗した生成には課金されません。',
      ),
    );
  });

  it('explains a refused checkout', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    api.createCheckoutSession.mockRejectedValue({
      code: 'functions/invalid-argument',
      details: { reason: 'origin-not-allowed' },
    });
    const { wrapper } = await mountAt(CreditsPage, '/credits', { locale: 'ja' });
    await until(() => expect(wrapper.find('[data-test=buy-starter]').text()).toBe('スターターを購入'));
    await wrapper.find('[data-test=buy-starter]').trigger('click');
    await until(() =>
      expect(wrapper.find('[data-test=checkout-error]').text()).toContain('決済を開始できません'),
    );
    expect(api.createCheckoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ currency: 'jpy', locale: 'ja' }),
    );
  });

  it('shows the reason-specific message for every error reason the server sends', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    const { wrapper } = await mountAt(CreditsPage, '/credits');
    await until(() => expect(wrapper.find('[data-test=buy-starter]').exists()).toBe(true));
    for (const reason of ERROR_REASONS) {
      api.createCheckoutSession.mockRejectedValueOnce(
        Object.assign(new Error(`server text for ${reason} [400]`), {
          code: 'functions/failed-precondition',
          details: { reason },
        }),
      );
      await wrapper.find('[data-test=buy-starter]').trigger('click');
      await until(() =>
        expect(wrapper.find('[data-test=checkout-error]').text(), reason).toBe(en.errors.reason[reason]),
      );
    }
    expect(api.createCheckoutSession).toHaveBeenCalledTimes(ERROR_REASONS.length);
  });

  it('explains a missing price, and forgets it when another currency is chosen', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    api.createCheckoutSession.mockRejectedValue({
      code: 'functions/failed-precondition',
      details: { reason: 'price-not-configured', packId: 'starter', currency: 'jpy' },
    });
    const { wrapper } = await mountAt(CreditsPage, '/credits', { locale: 'ja' });
    await until(() => expect(wrapper.find('[data-test=buy-starter]').exists()).toBe(true));
    await wrapper.find('[data-test=buy-starter]').trigger('click');
    await until(() =>
      expect(wrapper.find('[data-test=checkout-error]').text()).toBe(
        // The server's details name the pack and currency: the message says which, not "this pack".
        'スターターパックは現在 JPY では購入できません。別の通貨を選ぶか、後でお試しください。',
      ),
    );
    await wrapper.find('[data-test=currency]').setValue('usd');
    await until(() => expect(wrapper.find('[data-test=checkout-error]').exists()).toBe(false));
  });
});

describe('CheckoutSuccessPage', () => {
  beforeEach(() => vi.clearAllMocks());

  it('waits, then shows the credited balance as soon as the purchase entry lands', async () => {
    let push: (e: unknown) => void = () => undefined;
    ledger.watchLedgerEntry.mockImplementation((_uid: string, _id: string, onData: (e: unknown) => void) => {
      push = onData;
      return () => undefined;
    });
    const pinia = signedInPinia({ ...TEST_PROFILE, credits: 0 });
    const { wrapper } = await mountAt(CheckoutSuccessPage, '/credits/success?session_id=cs_test_abc', {
      pinia,
    });
    await until(() =>
      expect(ledger.watchLedgerEntry).toHaveBeenCalledWith(
        'u1',
        'purchase-cs_test_abc',
        expect.any(Function),
        expect.any(Function),
      ),
    );
    // Pending: no thanks yet, a clear waiting state.
    expect(wrapper.find('h1').text()).toBe('Confirming your purchase');
    expect(wrapper.text()).not.toContain('Thank you');
    expect(wrapper.find('[data-test=checkout-pending]').text()).toContain('Waiting for Stripe to confirm');
    push(null);
    push(entry('purchase-cs_test_abc', 50, 'purchase', 50));
    await until(() =>
      expect(wrapper.find('[data-test=checkout-credited]').text()).toContain('credits have arrived'),
    );
    expect(wrapper.find('h1').text()).toBe('Thank you for your purchase');
    expect(wrapper.find('[data-test=checkout-pending]').exists()).toBe(false);
  });

  it('shows an error instead of spinning when the data cannot be reached', async () => {
    ledger.watchLedgerEntry.mockImplementation(
      (_u: string, _i: string, _d: unknown, onError: (e: unknown) => void) => {
        onError({ code: 'unavailable' });
        return () => undefined;
      },
    );
    const { wrapper } = await mountAt(CheckoutSuccessPage, '/credits/success?session_id=cs_test_abc', {
      locale: 'ja',
    });
    await until(() => expect(wrapper.find('[data-test=checkout-error]').exists()).toBe(true));
    expect(wrapper.find('[role=status]').exists()).toBe(false);
    // Failed: never thanks above an error; what to do next instead.
    expect(wrapper.find('h1').text()).toBe('ご購入を確認できませんでした');
    expect(wrapper.text()).not.toContain('ありがとうございます');
    expect(wrapper.find('[data-test=checkout-failed-help]').text()).toContain('自動で反映されます');
  });

  it('a return without a valid session is a failed state, not a thank-you', async () => {
    const { wrapper } = await mountAt(CheckoutSuccessPage, '/credits/success?session_id=x');
    await until(() =>
      expect(wrapper.find('[data-test=checkout-state]').attributes('data-state')).toBe('failed'),
    );
    expect(wrapper.find('h1').text()).toBe('Your purchase could not be confirmed');
    expect(ledger.watchLedgerEntry).not.toHaveBeenCalled();
  });
});
