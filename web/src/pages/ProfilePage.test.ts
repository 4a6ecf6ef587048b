import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAt, settle, signedInPinia, TEST_PROFILE } from '../testing';
import { useAuthStore } from '../stores/auth';
import ProfilePage from './ProfilePage.vue';

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
  saveUserLocale: vi.fn(async () => undefined),
  watchUserDoc: vi.fn(() => () => undefined),
}));
vi.mock('../lib/data/users', () => users);
const download = vi.hoisted(() => ({ downloadBlob: vi.fn(), downloadUrl: vi.fn() }));
vi.mock('../lib/download', () => download);

describe('ProfilePage', () => {
  beforeEach(() => vi.clearAllMocks());

  it('loading, then error with retry, then the account', async () => {
    const pinia = signedInPinia(null);
    const auth = useAuthStore();
    auth.user = { uid: 'u1' } as never;
    const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia });
    expect(wrapper.find('[data-test=state-loading]').exists()).toBe(true);
    auth.profileError = Object.assign(new Error('x'), { code: 'functions/unavailable' });
    await settle();
    expect(wrapper.find('[data-test=state-error]').exists()).toBe(true);
    api.ensureProfile.mockResolvedValue({ profile: TEST_PROFILE, granted: false });
    await wrapper.find('[data-test=state-error] button').trigger('click');
    await settle();
    expect(wrapper.find('[data-test=profile-email]').text()).toBe('ada@example.com');
    expect(wrapper.text()).toContain('deleted after 90 days');
  });

  it('switches language everywhere and saves it on the profile', async () => {
    const { wrapper } = await mountAt(ProfilePage, '/profile');
    await wrapper.find('[data-test=profile-locale-ja]').setValue(true);
    await settle();
    expect(users.saveUserLocale).toHaveBeenCalledWith('u1', 'ja');
    expect(document.cookie).toContain('mimicit-locale=ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(wrapper.find('h1').text()).toBe('プロフィール');
  });

  it('downloads an inline export as a JSON file', async () => {
    api.exportMyData.mockResolvedValue({ delivery: 'inline', document: { format: 'mimicit-export' } });
    const { wrapper } = await mountAt(ProfilePage, '/profile');
    await wrapper.find('[data-test=export]').trigger('click');
    await settle();
    const [blob, name] = download.downloadBlob.mock.calls[0] as [Blob, string];
    expect(name).toBe('mimicit-export.json');
    expect(JSON.parse(await blob.text())).toEqual({ format: 'mimicit-export' });
  });

  it('shows an export error', async () => {
    api.exportMyData.mockRejectedValue({ code: 'functions/deadline-exceeded' });
    const { wrapper } = await mountAt(ProfilePage, '/profile');
    await wrapper.find('[data-test=export]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test=export-error]').text()).toContain('took too long');
  });

  it('deletes the account only after the typed confirmation, then signs out', async () => {
    api.requestAccountDeletion.mockResolvedValue({
      requestedAt: '2026-05-01T00:00:00.000Z',
      purgeAfter: '2026-05-15T00:00:00.000Z',
      graceDays: 14,
      deletedGenerations: 3,
      deletedFiles: 3,
    });
    const { wrapper, router } = await mountAt(ProfilePage, '/profile');
    const button = wrapper.find('[data-test=delete-account]');
    expect(button.attributes('disabled')).toBeDefined();
    await wrapper.find('[data-test=delete-confirm]').setValue('delete');
    expect(button.attributes('disabled')).toBeDefined();
    await wrapper.find('[data-test=delete-confirm]').setValue('DELETE');
    expect(button.attributes('disabled')).toBeUndefined();
    await button.trigger('click');
    await settle();
    expect(api.requestAccountDeletion).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(authSdk.signOut).toHaveBeenCalled());
    expect(router.currentRoute.value.query.deleted).toBe('2026-05-15T00:00:00.000Z');
  });

  it('shows a pending deletion with a way to keep the account', async () => {
    const pinia = signedInPinia({
      ...TEST_PROFILE,
      deletion: { requestedAt: '2026-05-01T00:00:00.000Z', purgeAfter: '2026-05-15T00:00:00.000Z' },
    });
    api.cancelAccountDeletion.mockResolvedValue({ profile: TEST_PROFILE });
    const { wrapper } = await mountAt(ProfilePage, '/profile', { pinia });
    expect(wrapper.find('[data-test=deletion-pending]').text()).toContain('May 15, 2026');
    expect(wrapper.find('[data-test=delete-account]').exists()).toBe(false);
    await wrapper.find('[data-test=deletion-pending] button').trigger('click');
    await settle();
    expect(wrapper.find('[data-test=deletion-pending]').exists()).toBe(false);
  });
});
