/**
 * Routes, each page its own chunk. Guards await the first auth state, so a signed-in person
 * reloading /history never sees the landing page flash, and a signed-out one is sent home.
 */
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { CHECKOUT_RETURN_PATHS_LITE, EXTENSION_CONNECT_PATH_LITE } from './paths';
import { useAuthStore } from '../stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean;
    /** i18n key of the document title. */
    titleKey?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('../pages/LandingPage.vue'),
    meta: { titleKey: 'app.tagline' },
  },
  {
    path: '/generate',
    name: 'generate',
    component: () => import('../pages/GeneratePage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.generate' },
  },
  {
    path: '/history',
    name: 'history',
    component: () => import('../pages/HistoryPage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.history' },
  },
  {
    path: '/history/:id',
    name: 'history-detail',
    component: () => import('../pages/HistoryDetailPage.vue'),
    props: true,
    meta: { requiresAuth: true, titleKey: 'history.detailTitle' },
  },
  {
    path: '/credits',
    name: 'credits',
    component: () => import('../pages/CreditsPage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.credits' },
  },
  {
    path: CHECKOUT_RETURN_PATHS_LITE.success,
    name: 'checkout-success',
    component: () => import('../pages/CheckoutSuccessPage.vue'),
    // Neutral: the page itself says whether the purchase is confirmed yet.
    meta: { requiresAuth: true, titleKey: 'credits.checkoutTitle' },
  },
  {
    path: CHECKOUT_RETURN_PATHS_LITE.cancel,
    name: 'checkout-cancel',
    component: () => import('../pages/CheckoutCancelPage.vue'),
    meta: { titleKey: 'credits.cancelTitle' },
  },
  {
    path: '/profile',
    name: 'profile',
    component: () => import('../pages/ProfilePage.vue'),
    meta: { requiresAuth: true, titleKey: 'nav.profile' },
  },
  {
    path: '/privacy',
    name: 'privacy',
    component: () => import('../pages/PrivacyPage.vue'),
    meta: { titleKey: 'legal.privacyTitle' },
  },
  {
    path: '/terms',
    name: 'terms',
    component: () => import('../pages/TermsPage.vue'),
    meta: { titleKey: 'legal.termsTitle' },
  },
  {
    path: EXTENSION_CONNECT_PATH_LITE,
    name: 'extension-connect',
    component: () => import('../pages/ExtensionConnectPage.vue'),
    meta: { titleKey: 'extension.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../pages/NotFoundPage.vue'),
    meta: { titleKey: 'app.notFoundTitle' },
  },
];

/** The app router with the auth guard installed. */
export function createAppRouter(history = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    await auth.ready();
    if (to.meta.requiresAuth && !auth.signedIn) return { name: 'home', query: { redirect: to.fullPath } };
    return true;
  });
  return router;
}
