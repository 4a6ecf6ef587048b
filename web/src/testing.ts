/**
 * Helpers for component and store tests (happy-dom): an app with Pinia, i18n and a memory
 * router, and a signed-in auth store. Tests mock `firebase/auth` and `lib/data/*` themselves.
 */
import { mount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import type { Component } from 'vue';
import { MODELS, type GetCatalogResponse, type Locale, type Profile } from '@mimicit/shared';
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
  await flushPromises();
  return { wrapper, router };
}

/** Resolves after pending promises and a macrotask (dynamic imports settle). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
  }
}

type ServedModel = GetCatalogResponse['models'][number];

/**
 * The code catalog as `getCatalog` serves it: every model usable, unless `changes` says
 * otherwise (e.g. `{ 'gpt-image': { available: false, unavailableReason: 'retired' } }`).
 */
export function servedModels(changes: Record<string, Partial<ServedModel>> = {}): ServedModel[] {
  return MODELS.map((m) => ({
    ...m,
    capabilities: [...m.capabilities],
    aspectRatios: [...m.aspectRatios],
    resolutions: [...m.resolutions],
    available: true,
    ...changes[m.id],
  }));
}
