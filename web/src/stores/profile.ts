/** Profile actions: language, data export, account deletion and its cancellation. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale } from '@mimicit/shared';
import { useAuthStore } from './auth';
import { errorKey as toErrorKey } from '../lib/errors';

export type ActionState = 'idle' | 'busy' | 'done' | 'error';

export const useProfileStore = defineStore('profile', () => {
  const auth = useAuthStore();
  const exportState = ref<ActionState>('idle');
  const exportErrorKey = ref('');
  const deleteState = ref<ActionState>('idle');
  const deleteErrorKey = ref('');
  /** ISO time after which everything is purged, once deletion was requested. */
  const purgeAfter = ref<string | null>(null);

  /** Remembers the language on the user document; the cookie is written by the caller. */
  async function saveLocale(locale: Locale): Promise<void> {
    const uid = auth.uid;
    if (!uid) return;
    try {
      const { saveUserLocale } = await import('../lib/data/users');
      await saveUserLocale(uid, locale);
    } catch {
      // The cookie already holds the choice for this browser; the document is a convenience.
    }
  }

  /** Exports all data and downloads it as JSON (inline) or opens the short-lived link. */
  async function exportData(): Promise<void> {
    exportState.value = 'busy';
    exportErrorKey.value = '';
    try {
      const { exportMyData } = await import('../lib/data/api');
      const res = await exportMyData();
      const { downloadBlob, downloadUrl } = await import('../lib/download');
      if (res.delivery === 'inline') {
        const json = JSON.stringify(res.document, null, 2);
        downloadBlob(new Blob([json], { type: 'application/json' }), 'mimicit-export.json');
      } else {
        downloadUrl(res.url, 'mimicit-export.json');
      }
      exportState.value = 'done';
    } catch (err) {
      exportErrorKey.value = toErrorKey(err);
      exportState.value = 'error';
    }
  }

  /** Requests deletion; the page then signs out (sign-in is disabled server-side). */
  async function deleteAccount(): Promise<boolean> {
    deleteState.value = 'busy';
    deleteErrorKey.value = '';
    try {
      const { requestAccountDeletion } = await import('../lib/data/api');
      const res = await requestAccountDeletion();
      purgeAfter.value = res.purgeAfter;
      deleteState.value = 'done';
      return true;
    } catch (err) {
      deleteErrorKey.value = toErrorKey(err);
      deleteState.value = 'error';
      return false;
    }
  }

  /** Cancels a pending deletion (within the grace period). */
  async function cancelDeletion(): Promise<void> {
    deleteErrorKey.value = '';
    try {
      const { cancelAccountDeletion } = await import('../lib/data/api');
      auth.profile = (await cancelAccountDeletion()).profile;
      auth.profileError = null;
    } catch (err) {
      deleteErrorKey.value = toErrorKey(err);
    }
  }

  return {
    exportState,
    exportErrorKey,
    deleteState,
    deleteErrorKey,
    purgeAfter,
    saveLocale,
    exportData,
    deleteAccount,
    cancelDeletion,
  };
});
