/**
 * Describe / generate, the live status of the current job, and the recent results. Calls return
 * quickly (possibly still `pending`); the generation document is then followed with onSnapshot,
 * so a long model run never depends on one HTTP call.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  collection,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  updateDoc,
  type DocumentData,
  type Unsubscribe,
} from 'firebase/firestore';
import { getBlob, ref as storageRef } from 'firebase/storage';
import {
  CALLABLES,
  COLLECTIONS,
  describeImageResponseSchema,
  generateImageResponseSchema,
  paths,
  type AspectRatio,
  type GenerationResult,
  type Resolution,
} from '@mimicit/shared';
import { db, storage } from '../../lib/firebase';
import { CallableError, callFunction } from '../../lib/api';
import { errorMessage } from '../../lib/i18n';
import type { PageImage } from '../../lib/page-image';
import { useImagesStore } from './images';
import { useSettingsStore } from './settings';

/** A generation as the panel shows it (from a callable answer or its document). */
export interface ResultItem {
  id: string;
  kind: 'prompt' | 'image';
  status: 'pending' | 'succeeded' | 'failed';
  model: string;
  prompts: string[];
  imagePaths: string[];
  favorite: boolean;
  /** The failure's reason code (an error reason, or `internal`): the panel translates it. */
  failure?: string;
}

/** Reads the fields the panel shows, tolerating documents written by older servers. */
export function toResultItem(id: string, data: DocumentData): ResultItem {
  const images = Array.isArray(data.images) ? (data.images as { path?: unknown }[]) : [];
  return {
    id,
    kind: data.kind === 'image' ? 'image' : 'prompt',
    status: ['pending', 'succeeded', 'failed'].includes(data.status) ? data.status : 'pending',
    model: String(data.model ?? ''),
    prompts: Array.isArray(data.resultPrompts) ? data.resultPrompts.map(String) : [],
    imagePaths: images.map((i) => i.path).filter((p): p is string => typeof p === 'string'),
    favorite: data.favorite === true,
    failure: typeof data.failureCode === 'string' ? data.failureCode : undefined,
  };
}

function fromAnswer(kind: ResultItem['kind'], r: GenerationResult): ResultItem {
  return {
    id: r.generationId,
    kind,
    status: r.status,
    model: r.model,
    prompts: r.resultPrompts ?? [],
    imagePaths: r.imagePaths ?? [],
    favorite: false,
    failure: r.failureCode,
  };
}

/** Describe/generate timeouts: the server answers once the job is started or done. */
const CALL_TIMEOUT_MS = 120_000;

export const useGenerationsStore = defineStore('generations', () => {
  const current = ref<ResultItem | null>(null);
  const recent = ref<ResultItem[]>([]);
  const prompt = ref('');
  const busy = ref(false);
  const error = ref('');
  /** Which action the error belongs to (shown under its button), and its reason. */
  const errorFor = ref<ResultItem['kind'] | null>(null);
  const errorReason = ref<string | undefined>();
  let uid: string | null = null;
  let stopCurrent: Unsubscribe | null = null;
  let stopRecent: Unsubscribe | null = null;

  function follow(id: string): void {
    stopCurrent?.();
    if (!uid) return;
    stopCurrent = onSnapshot(
      doc(db, paths.generation(uid, id)),
      (snap) => {
        if (!snap.exists()) return;
        current.value = toResultItem(id, snap.data());
        if (current.value.kind === 'prompt' && current.value.prompts[0])
          prompt.value = current.value.prompts[0];
      },
      () => undefined,
    );
  }

  /**
   * Runs a callable for the selected image with a fresh request id; when the server cannot fetch
   * the image itself it is retried once with the bytes read inside the page.
   */
  async function run(
    kind: ResultItem['kind'],
    image: PageImage | null,
    call: (source: unknown) => Promise<GenerationResult>,
  ): Promise<void> {
    // One job at a time: a repeated start while one is being sent is the same action.
    if (busy.value) return;
    const images = useImagesStore();
    busy.value = true;
    clearError();
    try {
      let result: GenerationResult;
      try {
        result = await call(image ? await images.sourceFor(image) : undefined);
      } catch (err) {
        const reason = err instanceof CallableError ? err.reason : undefined;
        if (!image || (reason !== 'image-fetch-failed' && reason !== 'url-not-allowed')) throw err;
        result = await call(await images.sourceFor(image, true));
      }
      current.value = fromAnswer(kind, result);
      if (kind === 'prompt' && result.resultPrompts?.[0]) prompt.value = result.resultPrompts[0];
      if (result.status === 'pending') follow(result.generationId);
    } catch (err) {
      const e = err as { reason?: string; code?: string };
      errorReason.value = e.reason ?? e.code;
      error.value = errorMessage(errorReason.value);
      errorFor.value = kind;
    } finally {
      busy.value = false;
    }
  }

  /** Forgets the last error (its cause is gone, or the person dismissed it). */
  function clearError(): void {
    error.value = '';
    errorFor.value = null;
    errorReason.value = undefined;
  }

  async function describe(image: PageImage, model: string): Promise<void> {
    const { settings } = useSettingsStore();
    await run('prompt', image, (source) =>
      callFunction(
        CALLABLES.describeImage,
        { requestId: crypto.randomUUID(), model, source, language: settings.language ?? 'en' },
        describeImageResponseSchema,
        CALL_TIMEOUT_MS,
      ),
    );
  }

  async function generate(
    image: PageImage | null,
    model: string,
    options: { aspectRatio: AspectRatio; resolution: Resolution },
  ): Promise<void> {
    await run('image', image, (reference) =>
      callFunction(
        CALLABLES.generateImage,
        {
          requestId: crypto.randomUUID(),
          model,
          prompt: prompt.value,
          ...options,
          ...(reference ? { reference } : {}),
        },
        generateImageResponseSchema,
        CALL_TIMEOUT_MS,
      ),
    );
  }

  function start(forUid: string): void {
    stop();
    uid = forUid;
    stopRecent = onSnapshot(
      query(
        collection(db, COLLECTIONS.users, forUid, COLLECTIONS.generations),
        orderBy('createdAt', 'desc'),
        limit(6),
      ),
      (snap) => (recent.value = snap.docs.map((d) => toResultItem(d.id, d.data()))),
      () => undefined,
    );
  }

  /** Forgets everything (sign-out). */
  function stop(): void {
    stopCurrent?.();
    stopRecent?.();
    stopCurrent = stopRecent = null;
    uid = null;
    current.value = null;
    recent.value = [];
    prompt.value = '';
    clearError();
  }

  async function toggleFavorite(item: ResultItem): Promise<void> {
    if (!uid) return;
    await updateDoc(doc(db, paths.generation(uid, item.id)), { favorite: !item.favorite });
  }

  async function download(path: string): Promise<void> {
    const url = URL.createObjectURL(await getBlob(storageRef(storage, path)));
    const a = document.createElement('a');
    a.href = url;
    a.download = path.split('/').pop() ?? 'mimicit.png';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return {
    current,
    recent,
    prompt,
    busy,
    error,
    errorFor,
    errorReason,
    clearError,
    describe,
    generate,
    start,
    stop,
    toggleFavorite,
    download,
  };
});
