/**
 * A cursor-paged list (History, ledger): loading / error / ready states, "load more", and a
 * generation counter so a reset while a page is in flight never mixes two result sets.
 */
import { computed, ref, shallowRef, type Ref } from 'vue';
import type { Page } from '../lib/data/firestore';
import { errorKey as toErrorKey } from '../lib/errors';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export function usePagedList<T>(fetchPage: (cursor: unknown) => Promise<Page<T>>) {
  const items = ref([]) as Ref<T[]>;
  const status = ref<ListStatus>('idle');
  const errorKey = ref('');
  const cursor = shallowRef<unknown>(null);
  const hasMore = ref(false);
  let run = 0;

  async function load(reset: boolean): Promise<void> {
    const mine = reset ? ++run : run;
    if (reset) {
      items.value = [];
      cursor.value = null;
      hasMore.value = false;
    }
    status.value = 'loading';
    errorKey.value = '';
    try {
      const page = await fetchPage(reset ? null : cursor.value);
      if (mine !== run) return;
      items.value = [...items.value, ...page.items];
      cursor.value = page.cursor;
      hasMore.value = page.cursor !== null && page.cursor !== undefined;
      status.value = 'ready';
    } catch (err) {
      if (mine !== run) return;
      errorKey.value = toErrorKey(err);
      status.value = 'error';
    }
  }

  return {
    items,
    status,
    errorKey,
    hasMore,
    empty: computed(() => status.value === 'ready' && items.value.length === 0),
    /** First page (drops what was loaded). */
    reload: () => load(true),
    /** Next page after the current cursor. */
    more: () => (hasMore.value && status.value !== 'loading' ? load(false) : Promise.resolve()),
  };
}
