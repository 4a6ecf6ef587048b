import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAt, signedInPinia, TEST_PROFILE, until } from '../testing';
import { useAuthStore } from '../stores/auth';
import { LOCALE_SAVE_TIMEOUT_MS, useProfileStore } from '../stores/profile';
import ProfilePage from './ProfilePage.vue';
import LandingPage from './LandingPage.vue';

const authSdk = vi.hoisted(() => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
  signOut: vi.fn(async () => undefined),
}));
vi.mock('firebase/auth', () => authSdk);
vi.mock('../lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
const api = vi.hoisted(() => ({
  ensureProfile: vi.fn(),
  exportMyData: vi.fn(),
  requestAccountDeletion: vi.fn(),
  cancelAccountDeletion: vi.fn(),
}));
vi.mock('../lib/data/api', () => api);
const users = vi.hoisted(() => ({
  saveUserLocale: vi.fn(async (_uid: string, _locale: string) => undefined),
  watchUserDoc: vi.fn(() => () => undefined),
}));
vi.mock('../lib/data/users', () => users);
const download = vi.hoisted(() => ({ downloadBlob: vi.fn(), downloadUrl: vi.fn() }));
vi.mock('../lib/download', () => download);

const PENDING = { requestedAt: '2026-05-01T00:00:00.000Z', purgeAfter: '2026-05-15T00:00:00.000Z' };

/** A triple click as the browser delivers it (`detail` counts the presses). */
function tripleClick(el: Element): void {
  for (const detail of [1, 2, 3]) el.dispatchEvent(new MouseEvent('click', { bubbles: true, detail }));
}

describe('ProfilePage', () => {
  beforeEach(() => vi.clearAllMocks());
  afterEach(() => vi.useRealTimers());

  it('loading, then error with retry, then the account', async () => {
    const pinia = signedInPinia(null);
    const auth = useAuthStore();
    auth.user = { uid: 'u1' } as never;
    const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia });
    expect(wrapper.find('[data-test=state-loading]').exists()).toBe(true);
    auth.profileError = Object.assign(new Error('x'), { code: 'functions/unavailable' });
    await until(() => expect(wrapper.find('[data-test=state-error]').exists()).toBe(true));
    api.ensureProfile.mockResolvedValue({ profile: TEST_PROFILE, granted: false });
    await wrapper.find('[data-test=state-error] button').trigger('click');
    await until(() => expect(wrapper.find('[data-test=profile-email]').text()).toBe('ada@example.com'));
    expect(wrapper.text()).toContain('deleted after 90 days');
  });

  describe('language', () => {
    it('switches everywhere, and says "Saved" once the profile write completes', async () => {
      let finish: () => void = () => undefined;
      users.saveUserLocale.mockImplementationOnce(
        () => new Promise<undefined>((r) => (finish = () => r(undefined))),
      );
      const { wrapper } = await mountAt(ProfilePage, '/profile');
      await wrapper.find('[data-test=profile-locale-ja]').setValue(true);
      await until(() => expect(users.saveUserLocale).toHaveBeenCalledWith('u1', 'ja'));
      expect(document.cookie).toContain('mimicit-locale=ja');
      expect(document.documentElement.lang).toBe('ja');
      expect(wrapper.find('h1').text()).toBe('プロフィール');
      // Not saved yet: the page says it is saving, not "Saved".
      expect(wrapper.find('[data-test=locale-saving]').text()).toBe('保存しています…');
      expect(wrapper.find('[data-test=locale-saved]').exists()).toBe(false);
      finish();
      await until(() => expect(wrapper.find('[data-test=locale-saved]').text()).toBe('保存しました。'));
    });

    it('times out with an error, keeps the chosen language, and says "Saved" if the write lands later', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let finish: () => void = () => undefined;
      users.saveUserLocale.mockImplementationOnce(
        () => new Promise<undefined>((r) => (finish = () => r(undefined))),
      );
      const { wrapper } = await mountAt(ProfilePage, '/profile', { locale: 'ja' });
      await wrapper.find('[data-test=profile-locale-en]').setValue(true);
      await until(() => expect(users.saveUserLocale).toHaveBeenCalledWith('u1', 'en'));
      await vi.advanceTimersByTimeAsync(LOCALE_SAVE_TIMEOUT_MS);
      await until(() =>
        expect(wrapper.find('[data-test=locale-error]').text()).toContain('stays chosen in this browser'),
      );
      expect(wrapper.find('[data-test=locale-error]').text()).toContain('took too long');
      expect(wrapper.find('[data-test=locale-saved]').exists()).toBe(false);
      // The choice stays: radio, UI language and cookie.
      expect((wrapper.find('[data-test=profile-locale-en]').element as HTMLInputElement).checked).toBe(true);
      expect(document.documentElement.lang).toBe('en');
      expect(document.cookie).toContain('mimicit-locale=en');
      finish();
      await until(() => expect(wrapper.find('[data-test=locale-saved]').exists()).toBe(true));
      expect(wrapper.find('[data-test=locale-error]').exists()).toBe(false);
    });

    it('shows a refused write with a retry', async () => {
      users.saveUserLocale.mockRejectedValueOnce(
        Object.assign(new Error('no'), { code: 'permission-denied' }),
      );
      const { wrapper } = await mountAt(ProfilePage, '/profile');
      await wrapper.find('[data-test=profile-locale-ja]').setValue(true);
      await until(() =>
        expect(wrapper.find('[data-test=locale-error]').text()).toContain('権限がありません'),
      );
      await wrapper.find('[data-test=locale-error] button').trigger('click');
      await until(() => expect(wrapper.find('[data-test=locale-saved]').exists()).toBe(true));
      expect(users.saveUserLocale).toHaveBeenLastCalledWith('u1', 'ja');
    });
  });

  it('a triple click on export downloads once', async () => {
    api.exportMyData.mockResolvedValue({ delivery: 'inline', document: { format: 'mimicit-export' } });
    const { wrapper } = await mountAt(ProfilePage, '/profile', { locale: 'en' });
    tripleClick(wrapper.find('[data-test=export]').element);
    await until(() => expect(download.downloadBlob).toHaveBeenCalled());
    expect(api.exportMyData).toHaveBeenCalledTimes(1);
    // Presses of the same triple click that arrive after the export finished start nothing.
    const button = wrapper.find('[data-test=export]').element;
    for (const detail of [2, 3]) button.dispatchEvent(new MouseEvent('click', { detail }));
    expect(useProfileStore().exportState).toBe('done');
    expect(api.exportMyData).toHaveBeenCalledTimes(1);
    const [blob, name] = download.downloadBlob.mock.calls[0] as [Blob, string];
    expect(name).toBe('mimicit-export.json');
    expect(JSON.parse(await blob.text())).toEqual({ format: 'mimicit-export' });
  });

  it('shows an export error', async () => {
    api.exportMyData.mockRejectedValue({ code: 'functions/deadline-exceeded' });
    const { wrapper } = await mountAt(ProfilePage, '/profile', { locale: 'en' });
    await wrapper.find('[data-test=export]').trigger('click');
    await until(() => expect(wrapper.find('[data-test=export-error]').text()).toContain('took too long'));
  });

  describe('account deletion', () => {
    it('says what really happens: sign-in stays possible for 14 days to cancel', async () => {
      const { wrapper } = await mountAt(ProfilePage, '/profile', { locale: 'en' });
      const body = wrapper.find('[data-test=delete-body]').text();
      expect(body).toContain('For 14 days you can still sign in and choose “Keep my account” to cancel');
      expect(body).not.toContain('sign-in is disabled');
      wrapper.unmount();
      const ja = (await mountAt(ProfilePage, '/profile', { locale: 'ja' })).wrapper;
      expect(ja.find('[data-test=delete-body]').text()).toContain(
        '14 日間は再びログインして「アカウントを残す」を選べば、削除を取り消せます',
      );
      expect(ja.find('[data-test=delete-body]').text()).not.toContain('ログインできなくなります。その他');
    });

    it('deletes only after the typed confirmation, once for a triple click, then signs out', async () => {
      api.requestAccountDeletion.mockResolvedValue({
        requestedAt: PENDING.requestedAt,
        purgeAfter: PENDING.purgeAfter,
        graceDays: 14,
        deletedGenerations: 3,
        deletedFiles: 3,
      });
      const { wrapper, router } = await mountAt(ProfilePage, '/profile', { locale: 'en' });
      const button = wrapper.find('[data-test=delete-account]');
      expect(button.attributes('disabled')).toBeDefined();
      await wrapper.find('[data-test=delete-confirm]').setValue('delete');
      expect(button.attributes('disabled')).toBeDefined();
      await wrapper.find('[data-test=delete-confirm]').setValue('DELETE');
      expect(button.attributes('disabled')).toBeUndefined();
      tripleClick(button.element);
      await until(() => expect(authSdk.signOut).toHaveBeenCalled());
      expect(api.requestAccountDeletion).toHaveBeenCalledTimes(1);
      expect(router.currentRoute.value.query.deleted).toBe(PENDING.purgeAfter);
    });

    it('a pending deletion shows the purge date and a way to keep the account', async () => {
      const pinia = signedInPinia({ ...TEST_PROFILE, deletion: PENDING });
      api.cancelAccountDeletion.mockResolvedValue({ profile: TEST_PROFILE });
      const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia, locale: 'en' });
      expect(wrapper.find('[data-test=deletion-pending]').text()).toContain('On May 15, 2026');
      expect(wrapper.find('[data-test=delete-account]').exists()).toBe(false);
      tripleClick(wrapper.find('[data-test=cancel-deletion]').element);
      await until(() => expect(wrapper.find('[data-test=deletion-pending]').exists()).toBe(false));
      expect(api.cancelAccountDeletion).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-test=deletion-cancelled]').text()).toContain('Your account is kept');
    });

    it('signing in again during the grace period leads to "Keep my account"', async () => {
      // ensureProfile refuses such an account and names the purge date.
      const pinia = signedInPinia(null);
      const auth = useAuthStore();
      auth.user = { uid: 'u1' } as never;
      auth.profileError = Object.assign(new Error('scheduled'), {
        code: 'functions/failed-precondition',
        details: { reason: 'account-pending-deletion', purgeAfter: PENDING.purgeAfter },
      });
      api.cancelAccountDeletion.mockResolvedValue({ profile: TEST_PROFILE });
      const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia, locale: 'ja' });
      expect(wrapper.find('[data-test=deletion-pending]').text()).toContain('2026年5月15日に');
      expect(wrapper.find('[data-test=state-error]').exists()).toBe(false);
      await wrapper.find('[data-test=cancel-deletion]').trigger('click');
      await until(() => expect(wrapper.find('[data-test=profile-email]').text()).toBe('ada@example.com'));
      expect(auth.profileError).toBeNull();
      expect(wrapper.find('[data-test=delete-account]').exists()).toBe(true);
    });

    it('shows a failed cancellation', async () => {
      const pinia = signedInPinia({ ...TEST_PROFILE, deletion: PENDING });
      api.cancelAccountDeletion.mockRejectedValue({ code: 'functions/unavailable' });
      const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia, locale: 'en' });
      await wrapper.find('[data-test=cancel-deletion]').trigger('click');
      await until(() =>
        expect(wrapper.find('[data-test=cancel-deletion-error]').text()).toContain('not available right now'),
      );
      expect(wrapper.find('[data-test=deletion-pending]').exists()).toBe(true);
    });

    it('the page after deleting says when everything goes and how to cancel', async () => {
      const { wrapper } = await mountAt(LandingPage, `/?deleted=${PENDING.purgeAfter}`, {
        pinia: signedInPinia(null),
        locale: 'en',
      });
      const text = wrapper.find('[data-test=account-deleted]').text();
      expect(text).toContain('Your account is scheduled for deletion');
      expect(text).toContain('deleted for good on May 15, 2026');
      expect(wrapper.find('[data-test=account-deleted-cancel]').text()).toBe(
        'Changed your mind? Sign in again before May 15, 2026 and choose “Keep my account” on your Profile page.',
      );
    });
  });
});
