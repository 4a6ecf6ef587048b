/**
 * Helpers for component and store tests (happy-dom): an app with Pinia, i18n and a memory
 * router, and a signed-in auth store. Tests mock `firebase/auth` and `lib/data/*` themselves,
 * and wait for what they expect with {@link until}, never for a number of ticks.
 */
import { vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import type { Component } from 'vue';
import type { Locale, Profile } from '@mimicit/shared';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';

export const TEST_PROFILE: Profile = {
  uid: 'u1',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
  photoURL: null,
  locale: 'en',
  settings: {},
  credits: 12,
  signupGranted: true,
  flagged: false,
  createdAt: '2026-01-02T03:04:05.000Z',
  deletion: null,
};

/** A fresh Pinia with a signed-in person (or none). */
export function signedInPinia(profile: Profile | null = TEST_PROFILE): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore();
  if (profile) {
    auth.user = { uid: profile.uid, email: profile.email, photoURL: null } as never;
    auth.profile = profile;
  }
  auth.known = true;
  return pinia;
}

/** Mounts a page at `path` inside the real router, i18n and the given Pinia. */
export async function mountAt(
  component: Component,
  path: string,
  options: { pinia?: Pinia; locale?: Locale; props?: Record<string, unknown> } = {},
): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  const pinia = options.pinia ?? signedInPinia();
  const i18n = createAppI18n(options.locale ?? 'en');
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  return { wrapper, router };
}

/**
 * Retries `assertion` until it passes: the page's dynamic imports and mocked calls resolve when
 * they resolve, and a loaded machine must not fail a test that waited a fixed number of ticks.
 * The generous timeout only matters when the assertion is genuinely false.
 */
export function until<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
}

export { servedModels } from '@mimicit/shared/testing';
