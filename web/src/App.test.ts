import { describe, expect, it, vi } from 'vitest';
import { mountAt, signedInPinia, until } from './testing';
import { useAuthStore } from './stores/auth';
import App from './App.vue';

vi.mock('firebase/auth', () => ({
  onAuthStateChanged: (_a: unknown, cb: (u: unknown) => void) => cb({ uid: 'u1' }),
  signOut: vi.fn(),
}));
vi.mock('./lib/firebase', () => ({ auth: {}, app: {}, usingEmulators: false, EMULATOR_HOST: '127.0.0.1' }));
vi.mock('./lib/data/api', () => ({
  ensureProfile: vi.fn(),
  getCatalog: vi.fn(() => new Promise(() => undefined)),
}));
// The header loads /favicon.svg through Vite's public dir, which this test root does not serve.
vi.mock('./components/TheHeader.vue', () => ({ default: { render: () => null } }));
vi.mock('./lib/data/users', () => ({ watchUserDoc: vi.fn(() => () => undefined) }));

describe('App shell', () => {
  it('a person who signed in again during the deletion grace period is shown the way back', async () => {
    const pinia = signedInPinia(null);
    const auth = useAuthStore();
    auth.user = { uid: 'u1' } as never;
    auth.profileError = Object.assign(new Error('scheduled'), {
      code: 'functions/failed-precondition',
      details: { reason: 'account-pending-deletion', purgeAfter: '2026-05-15T00:00:00.000Z' },
    });
    const { wrapper, router } = await mountAt(App, '/generate', { pinia, locale: 'ja' });
    await until(() =>
      expect(wrapper.find('[data-test=deletion-notice]').text()).toContain(
        'このアカウントは2026年5月15日に削除される予定です。',
      ),
    );
    expect(wrapper.find('[data-test=deletion-notice] a').attributes('href')).toBe('/profile');
    await router.push('/profile');
    await until(() => expect(wrapper.find('[data-test=deletion-notice]').exists()).toBe(false));
  });
});
