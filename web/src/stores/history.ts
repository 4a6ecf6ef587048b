/** History: filters, cursor pages, favorites and deletion. */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { useAuthStore } from './auth';
import { usePagedList } from '../composables/paged-list';
import { errorKey as toErrorKey } from '../lib/errors';
import type { GenerationFilter, GenerationItem } from '../lib/data/generations';

export const useHistoryStore = defineStore('history', () => {
  const auth = useAuthStore();
  const filter = reactive<GenerationFilter>({ favoritesOnly: false, word: '', model: '' });
  const actionErrorKey = ref('');

  const list = usePagedList<GenerationItem>(async (cursor) => {
    const uid = auth.uid;
    if (!uid) return { items: [], cursor: null };
    const { fetchGenerationsPage } = await import('../lib/data/generations');
    const word = filter.word?.trim().split(/\s+/)[0] ?? '';
    return fetchGenerationsPage(
      uid,
      { favoritesOnly: filter.favoritesOnly, word: word || undefined, model: filter.model || undefined },
      cursor,
    );
  });

  /** Flips the favorite flag, optimistically, and rolls back when the write fails. */
  async function toggleFavorite(item: GenerationItem): Promise<void> {
    const uid = auth.uid;
    if (!uid) return;
    const next = !item.favorite;
    item.favorite = next;
    actionErrorKey.value = '';
    try {
      const { setFavorite } = await import('../lib/data/generations');
      await setFavorite(uid, item.id, next);
    } catch (err) {
      item.favorite = !next;
      actionErrorKey.value = toErrorKey(err);
    }
  }

  /** Deletes a generation and its images through the callable; true when it is gone. */
  async function remove(id: string): Promise<boolean> {
    actionErrorKey.value = '';
    try {
      const { deleteGeneration } = await import('../lib/data/api');
      await deleteGeneration(id);
      list.items.value = list.items.value.filter((g) => g.id !== id);
      return true;
    } catch (err) {
      actionErrorKey.value = toErrorKey(err);
      return false;
    }
  }

  return { filter, list, actionErrorKey, toggleFavorite, remove };
});
