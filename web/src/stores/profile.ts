/** Profile actions: language, data export, account deletion and its cancellation. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale } from '@mimicit/shared';
import { useAuthStore } from './auth';
import { errorKey as toErrorKey } from '../lib/errors';

export type ActionState = 'idle' | 'busy' | 'done' | 'error';

/** How long the language write may take before the page says it did not get through. */
export const LOCALE_SAVE_TIMEOUT_MS = 10_000;
/**
 * Mirrors `ACCOUNT_DELETION_GRACE_DAYS` of `@mimicit/shared` (a test checks they are equal), so
 * the Profile page does not pull the shared schemas into its bundle for one number.
 */
export const ACCOUNT_DELETION_GRACE_DAYS_LITE = 14;

export const useProfileStore = defineStore('profile', () => {
  const auth = useAuthStore();
  const exportState = ref<ActionState>('idle');
  const exportErrorKey = ref('');
  const deleteState = ref<ActionState>('idle');
  const deleteErrorKey = ref('');
  /** ISO time after which everything is purged, once deletion was requested. */
  const purgeAfter = ref<string | null>(null);
  /** The last language write: `done` only once the server has it. */
  const localeState = ref<ActionState>('idle');
  const localeErrorKey = ref('');
  let localeWrite = 0;

  /**
   * Remembers the language on the user document; the cookie (written by the caller) already
   * holds it for this browser, so a failure only means other devices will not know it. A write
   * the server has not confirmed in time is reported, and marked saved if it lands later.
   */
  async function saveLocale(locale: Locale): Promise<void> {
    const uid = auth.uid;
    if (!uid) return;
    const mine = ++localeWrite;
    const report = (state: ActionState, key = '') => {
      if (mine !== localeWrite) return; // A newer choice owns the status line.
      localeState.value = state;
      localeErrorKey.value = key;
    };
    report('busy');
    try {
      const [{ saveUserLocale }, { withTimeout }] = await Promise.all([
        import('../lib/data/users'),
        import('../lib/data/timeout'),
      ]);
      const write = saveUserLocale(uid, locale);
      write.then(() => report('done')).catch(() => undefined);
      await withTimeout(write, LOCALE_SAVE_TIMEOUT_MS);
    } catch (err) {
      report('error', toErrorKey(err));
    }
  }

  /** Exports all data and downloads it as JSON (inline) or opens the short-lived link. */
  async function exportData(): Promise<void> {
    if (exportState.value === 'busy') return;
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

  /**
   * Requests deletion; the server signs every session out and the page signs this one out.
   * Sign-in stays possible until the purge, so the person can come back and cancel.
   */
  async function deleteAccount(): Promise<boolean> {
    if (deleteState.value === 'busy') return false;
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

  const cancelState = ref<ActionState>('idle');
  const cancelErrorKey = ref('');

  /** Cancels a pending deletion (within the grace period); the account works again. */
  async function cancelDeletion(): Promise<void> {
    if (cancelState.value === 'busy') return;
    cancelState.value = 'busy';
    cancelErrorKey.value = '';
    try {
      const { cancelAccountDeletion } = await import('../lib/data/api');
      auth.profile = (await cancelAccountDeletion()).profile;
      auth.profileError = null;
      cancelState.value = 'done';
    } catch (err) {
      cancelErrorKey.value = toErrorKey(err);
      cancelState.value = 'error';
    }
  }

  return {
    exportState,
    exportErrorKey,
    deleteState,
    deleteErrorKey,
    purgeAfter,
    localeState,
    localeErrorKey,
    cancelState,
    cancelErrorKey,
    saveLocale,
    exportData,
    deleteAccount,
    cancelDeletion,
  };
});
