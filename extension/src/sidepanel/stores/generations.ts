/**
 * Describe / generate, the live status of the current job, and the recent results. Calls return
 * quickly (possibly still `pending`); the generation document is then followed live through the
 * client data port, so a long model run never depends on one HTTP call.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Unsubscribe, WithId } from '@mimicit/client-data';
import {
  CALLABLES,
  describeImageResponseSchema,
  generateImageResponseSchema,
  collections,
  type AspectRatio,
  type GenerationDoc,
  type GenerationResult,
  type Resolution,
} from '@mimicit/shared';
import { dataPort } from '../../lib/firebase';
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

/** The fields the panel shows of a (schema-validated) generation document. */
export function toResultItem(doc: WithId<GenerationDoc>): ResultItem {
  return {
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    model: doc.model,
    prompts: doc.resultPrompts ?? [],
    imagePaths: (doc.images ?? []).map((i) => i.path),
    favorite: doc.favorite,
    failure: doc.failureCode,
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

  /** Runs `subscribe` once the port is loaded; the returned stop works before that too. */
  function live(subscribe: (port: Awaited<ReturnType<typeof dataPort>>) => Unsubscribe): Unsubscribe {
    let stopped = false;
    let unsubscribe: Unsubscribe | undefined;
    void dataPort().then((port) => {
      if (!stopped) unsubscribe = subscribe(port);
    });
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }

  function follow(id: string): void {
    stopCurrent?.();
    const owner = uid;
    if (!owner) return;
    stopCurrent = live((port) =>
      port.watchDoc(
        collections.generations.doc(owner, id),
        (doc) => {
          if (!doc) return;
          current.value = toResultItem(doc);
          if (current.value.kind === 'prompt' && current.value.prompts[0])
            prompt.value = current.value.prompts[0];
        },
        () => undefined,
      ),
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
    stopRecent = live((port) =>
      port.watchQuery(
        {
          collection: collections.generations.in(forUid),
          orderBy: ['createdAt', 'desc'],
          limit: 6,
        },
        (docs) => (recent.value = docs.map(toResultItem)),
        () => undefined,
      ),
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
    await (await dataPort()).update(collections.generations.doc(uid, item.id), { favorite: !item.favorite });
  }

  async function download(path: string): Promise<void> {
    const url = URL.createObjectURL(await (await dataPort()).readBlob(path));
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
