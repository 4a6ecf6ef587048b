import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { externalMessageSchema } from '@mimicit/shared';
import { mountAt, settle, signedInPinia } from '../testing';
import ExtensionConnectPage from './ExtensionConnectPage.vue';
import LandingPage from './LandingPage.vue';

const authSdk = vi.hoisted(() => ({
  current: { uid: 'u1' } as unknown,
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb(authSdk.current),
  signInWithPopup: vi.fn(),
  GoogleAuthProvider: class {},
}));
vi.mock('firebase/auth', () => authSdk);
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const api = vi.hoisted(() => ({ ensureProfile: vi.fn(), createExtensionToken: vi.fn() }));
vi.mock('../lib/data/api', () => api);

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

describe('ExtensionConnectPage', () => {
  const sendMessage = vi.fn();
  beforeEach(() => {
    vi.clearAllMocks();
    localStorage.clear();
    (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage } };
  });
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
    authSdk.current = { uid: 'u1' };
  });

  it('refuses an id that is not an extension id', async () => {
    const { wrapper } = await mountAt(ExtensionConnectPage, '/extension/connect?ext=evil');
    expect(wrapper.find('[data-test=bridge-bad-id]').exists()).toBe(true);
    expect(api.createExtensionToken).not.toHaveBeenCalled();
  });

  it('hands a freshly minted token to that extension and remembers it', async () => {
    api.createExtensionToken.mockResolvedValue('t'.repeat(40));
    sendMessage.mockImplementation((_id: string, _msg: unknown, cb: (r: unknown) => void) =>
      cb({ ok: true }),
    );
    const { wrapper } = await mountAt(ExtensionConnectPage, `/extension/connect?ext=${EXT}`);
    await settle();
    expect(api.createExtensionToken).toHaveBeenCalledWith(EXT);
    expect(sendMessage).toHaveBeenCalledWith(
      EXT,
      { type: 'auth/token', token: 't'.repeat(40) },
      expect.any(Function),
    );
    expect(externalMessageSchema.safeParse(sendMessage.mock.calls[0]![1]).success).toBe(true);
    expect(wrapper.find('[data-test=bridge-connected]').exists()).toBe(true);
    expect(JSON.parse(localStorage.getItem('mimicit-extension-ids')!)).toEqual([EXT]);
  });

  it('reports an extension that answers with an error', async () => {
    api.createExtensionToken.mockResolvedValue('t'.repeat(40));
    sendMessage.mockImplementation((_id: string, _msg: unknown, cb: (r: unknown) => void) =>
      cb({ ok: false, error: 'sign-in failed' }),
    );
    const { wrapper } = await mountAt(ExtensionConnectPage, `/extension/connect?ext=${EXT}`);
    await settle();
    expect(wrapper.find('[data-test=bridge-failed]').text()).toContain('sign-in failed');
    expect(localStorage.getItem('mimicit-extension-ids')).toBeNull();
  });

  it("explains the server's refusal of an extension it does not allow, and sends it nothing", async () => {
    api.createExtensionToken.mockRejectedValue({
      code: 'functions/permission-denied',
      details: { reason: 'extension-not-allowed' },
    });
    const { wrapper } = await mountAt(ExtensionConnectPage, `/extension/connect?ext=${EXT}`);
    await settle();
    expect(wrapper.find('[data-test=bridge-failed]').text()).toContain('not the official Mimicit extension');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(localStorage.getItem('mimicit-extension-ids')).toBeNull();
  });

  it('asks a signed-out person to sign in first', async () => {
    authSdk.current = null;
    const { wrapper } = await mountAt(ExtensionConnectPage, `/extension/connect?ext=${EXT}`, {
      pinia: signedInPinia(null),
    });
    expect(wrapper.find('[data-test=bridge-sign-in]').exists()).toBe(true);
    expect(api.createExtensionToken).not.toHaveBeenCalled();
  });
});

describe('LandingPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    authSdk.current = null;
  });
  afterEach(() => {
    authSdk.current = { uid: 'u1' };
  });

  it('explains a blocked sign-in popup', async () => {
    authSdk.signInWithPopup.mockRejectedValue({ code: 'auth/popup-blocked' });
    const { wrapper } = await mountAt(LandingPage, '/', { pinia: signedInPinia(null) });
    await wrapper.find('[data-test=cta]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test=auth-error]').text()).toContain('Allow pop-ups');
  });

  it('returns to the page the guard stopped after signing in', async () => {
    authSdk.signInWithPopup.mockResolvedValue({});
    const { wrapper, router } = await mountAt(LandingPage, '/?redirect=/privacy', {
      pinia: signedInPinia(null),
    });
    await wrapper.find('[data-test=cta]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/privacy'));
  });

  it('never redirects off-site', async () => {
    authSdk.signInWithPopup.mockResolvedValue({});
    const { wrapper, router } = await mountAt(LandingPage, '/?redirect=//evil.example', {
      pinia: signedInPinia(null),
    });
    await wrapper.find('[data-test=cta]').trigger('click');
    // The unsafe target was replaced by /generate (where the guard, seeing nobody signed in
    // in this mock, sends the visitor home again).
    await vi.waitFor(() => expect(router.currentRoute.value.query.redirect).toBe('/generate'));
    expect(router.currentRoute.value.fullPath).not.toContain('evil');
  });
});
