/**
 * The credit balance (live from `users/{uid}` once Firestore answers, else the value
 * `ensureProfile` returned), the paged ledger, and Stripe Checkout.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Currency, Locale, UserDoc } from '@mimicit/shared';
import { useAuthStore } from './auth';
import { usePagedList } from '../composables/paged-list';
import type { LedgerItem } from '../lib/data/ledger';

export const useCreditsStore = defineStore('credits', () => {
  const auth = useAuthStore();
  const live = ref<UserDoc | null>(null);
  const liveErrorKey = ref('');
  const checkoutPack = ref<string | null>(null);
  const checkoutErrorKey = ref('');
  /** The pack and currency a refused checkout names (`details` of `price-not-configured`). */
  const checkoutErrorDetails = ref<{ packId: string; currency: string } | null>(null);
  let stopLive: (() => void) | undefined;

  const balance = computed<number | null>(() => live.value?.credits ?? auth.profile?.credits ?? null);

  /** Follows the user document of `uid` (call again with null on sign-out). */
  async function follow(uid: string | null): Promise<void> {
    stopLive?.();
    stopLive = undefined;
    live.value = null;
    liveErrorKey.value = '';
    if (!uid) return;
    const [{ watchUserDoc }, { errorKey }] = await Promise.all([
      import('../lib/data/users'),
      import('../lib/errors'),
    ]);
    stopLive = watchUserDoc(
      uid,
      (doc) => {
        live.value = doc;
        liveErrorKey.value = '';
      },
      (err) => (liveErrorKey.value = errorKey(err)),
    );
  }

  const ledger = usePagedList<LedgerItem>(async (cursor) => {
    const uid = auth.uid;
    if (!uid) return { items: [], cursor: null };
    const { fetchLedgerPage } = await import('../lib/data/ledger');
    return fetchLedgerPage(uid, cursor);
  });

  /**
   * Creates a Checkout Session for a pack and sends the browser to Stripe. One checkout at a
   * time: a repeated click while one is being created is the same purchase.
   */
  async function checkout(packId: string, currency: Currency, locale: Locale): Promise<void> {
    if (checkoutPack.value !== null) return;
    checkoutPack.value = packId;
    checkoutErrorKey.value = '';
    checkoutErrorDetails.value = null;
    const [{ createCheckoutSession }, { errorKey }] = await Promise.all([
      import('../lib/data/api'),
      import('../lib/errors'),
    ]);
    try {
      const { url } = await createCheckoutSession({
        packId,
        currency,
        locale,
        returnOrigin: window.location.origin,
      });
      window.location.assign(url);
    } catch (err) {
      checkoutErrorKey.value = errorKey(err);
      checkoutErrorDetails.value = packAndCurrency(err);
      checkoutPack.value = null;
    }
  }

  return {
    live,
    liveErrorKey,
    balance,
    follow,
    ledger,
    checkout,
    checkoutPack,
    checkoutErrorKey,
    checkoutErrorDetails,
  };
});

/** `details.packId` and `details.currency` of a refusal, where the server sent both. */
function packAndCurrency(err: unknown): { packId: string; currency: string } | null {
  const details = (err as { details?: { packId?: unknown; currency?: unknown } } | null)?.details;
  return typeof details?.packId === 'string' && typeof details.currency === 'string'
    ? { packId: details.packId, currency: details.currency }
    : null;
}
