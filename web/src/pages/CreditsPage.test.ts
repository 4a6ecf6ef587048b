import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CREDIT_PACKS } from '@mimicit/shared';
import { mountAt, servedModels, settle, signedInPinia, TEST_PROFILE } from '../testing';
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
    await settle();
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
    await settle();
    expect(wrapper.find('[data-test=state-empty]').text()).toContain('No credit changes yet');
    wrapper.unmount();

    ledger.fetchLedgerPage.mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'unavailable' }));
    ({ wrapper } = await mountAt(CreditsPage, '/credits'));
    await settle();
    expect(wrapper.find('[data-test=state-error]').exists()).toBe(true);
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
    await settle();
    await wrapper.find('[data-test=buy-creator]').trigger('click');
    await settle();
    expect(api.createCheckoutSession).toHaveBeenCalledWith({
      packId: 'creator',
      currency: 'usd',
      locale: 'en',
      returnOrigin: 'http://127.0.0.1:5173',
    });
    expect(assign).toHaveBeenCalledWith('https://checkout.stripe.com/c/cs_1');
    vi.restoreAllMocks();
  });

  it('states the price range from the live catalog, per resolution, leaving out unusable models', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    const models = servedModels({ 'gemini-image-pro': { available: false } }).filter((m) => !m.previewOnly);
    api.getCatalog.mockResolvedValue({ models, packs });
    let { wrapper } = await mountAt(CreditsPage, '/credits');
    await settle();
    // Nano Banana Pro (6–10) is off: 3 (1K) to 10 (GPT Image 2 at 2K).
    expect(wrapper.find('[data-test=credits-usage]').text()).toBe(
      'A prompt costs 1 credit; an image costs 3 to 10 credits depending on the model and resolution. Failed generations are never charged.',
    );
    wrapper.unmount();
    ({ wrapper } = await mountAt(CreditsPage, '/credits', { locale: 'ja' }));
    await settle();
    expect(wrapper.find('[data-test=credits-usage]').text()).toBe(
      'プロンプトは 1 クレジット、画像はモデルと解像度により 3〜10 クレジットです。失敗した生成には課金されません。',
    );
  });

  it('explains a refused checkout', async () => {
    ledger.fetchLedgerPage.mockResolvedValue({ items: [], cursor: null });
    api.createCheckoutSession.mockRejectedValue({
      code: 'functions/invalid-argument',
      details: { reason: 'origin-not-allowed' },
    });
    const { wrapper } = await mountAt(CreditsPage, '/credits', { locale: 'ja' });
    await settle();
    await wrapper.find('[data-test=buy-starter]').trigger('click');
    await settle();
    expect(api.createCheckoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ currency: 'jpy', locale: 'ja' }),
    );
    expect(wrapper.find('[data-test=checkout-error]').text()).toContain('決済を開始できません');
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
    await settle();
    expect(ledger.watchLedgerEntry).toHaveBeenCalledWith(
      'u1',
      'purchase-cs_test_abc',
      expect.any(Function),
      expect.any(Function),
    );
    expect(wrapper.text()).toContain('Waiting for the credits');
    push(null);
    push(entry('purchase-cs_test_abc', 50, 'purchase', 50));
    await settle();
    expect(wrapper.find('[data-test=checkout-credited]').text()).toContain('credits have arrived');
  });

  it('shows an error instead of spinning when the data cannot be reached', async () => {
    ledger.watchLedgerEntry.mockImplementation(
      (_u: string, _i: string, _d: unknown, onError: (e: unknown) => void) => {
        onError({ code: 'unavailable' });
        return () => undefined;
      },
    );
    const { wrapper } = await mountAt(CheckoutSuccessPage, '/credits/success?session_id=cs_test_abc');
    await settle();
    expect(wrapper.find('[data-test=checkout-error]').exists()).toBe(true);
    expect(wrapper.find('[role=status]').exists()).toBe(false);
  });
});
