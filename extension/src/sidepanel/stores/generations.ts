/**
 * Describe / generate / reproduce / vary, the live status of the current job, and the recent
 * results. Calls return quickly (possibly still `pending`); the generation document is then
 * followed live through the client data port, so a long model run never depends on one HTTP
 * call. The requests this panel sent are kept in memory (never stored) so that Reproduce and
 * Vary can send the same references again.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowReactive } from 'vue';
import type { Unsubscribe } from '@mimicit/client-data';
import {
  CALLABLES,
  describeImageResponseSchema,
  generateImageResponseSchema,
  collections,
  type AspectRatio,
  type CatalogModel,
  type GenerationResult,
  type Resolution,
} from '@mimicit/shared';
import { dataPort } from '../../lib/firebase';
import { CallableError, callFunction } from '../../lib/api';
import { errorMessage } from '../../lib/i18n';
import type { PickedReference } from './references';
import { sendableReferences } from './reference-sources';
import { fromAnswer, toResultItem, type ImageRequest, type ResultItem } from './result-item';
import { useSettingsStore } from './settings';

export type { ResultItem } from './result-item';

/** Describe/generate timeouts: the server answers once the job is started or done. */
const CALL_TIMEOUT_MS = 120_000;
/** Sent requests remembered for Reproduce and Vary (Recent results shows six). */
const SENT_KEPT = 12;

/** Where an error shows: under Describe, under Generate, or over Recent results (Reproduce, Vary). */
export type ErrorTarget = 'prompt' | 'image' | 'replay';

export const useGenerationsStore = defineStore('generations', () => {
  const current = ref<ResultItem | null>(null);
  const recent = ref<ResultItem[]>([]);
  const recentState = ref<'loading' | 'ready' | 'error'>('loading');
  const prompt = ref('');
  const busy = ref(false);
  /** Which action is being sent while `busy`. */
  const sending = ref<ErrorTarget | null>(null);
  const error = ref('');
  /** Which action the error belongs to (shown under its button), and its reason. */
  const errorFor = ref<ErrorTarget | null>(null);
  const errorReason = ref<string | undefined>();
  /** Something is being sent or the last request is still pending: one action at a time. */
  const running = computed(() => busy.value || current.value?.status === 'pending');
  /** Image requests this panel sent, by generation id (memory only). */
  const sent = shallowReactive(new Map<string, ImageRequest>());
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

  function remember(id: string, request: ImageRequest): void {
    sent.set(id, request);
    for (const key of sent.keys()) if (sent.size > SENT_KEPT) sent.delete(key);
  }

  /**
   * Runs one person's action with a fresh request id. `attempt(false)` sends page images by
   * URL; when the server cannot fetch one itself it is tried once more with `attempt(true)`,
   * which sends the bytes read inside the page.
   */
  async function run(
    target: ErrorTarget,
    kind: ResultItem['kind'],
    attempt: (forceBytes: boolean) => Promise<[GenerationResult, ImageRequest | undefined]>,
    hasPageImages: boolean,
  ): Promise<void> {
    // One job at a time: a repeated start while one is being sent is the same action.
    if (busy.value) return;
    busy.value = true;
    sending.value = target;
    clearError();
    try {
      let answer: [GenerationResult, ImageRequest | undefined];
      try {
        answer = await attempt(false);
      } catch (err) {
        const reason = err instanceof CallableError ? err.reason : undefined;
        if (!hasPageImages || (reason !== 'image-fetch-failed' && reason !== 'url-not-allowed')) throw err;
        answer = await attempt(true);
      }
      const [result, request] = answer;
      if (request) remember(result.generationId, request);
      current.value = fromAnswer(kind, result, request);
      if (kind === 'prompt' && result.resultPrompts?.[0]) prompt.value = result.resultPrompts[0];
      if (result.status === 'pending') follow(result.generationId);
    } catch (err) {
      const e = err as { reason?: string; code?: string };
      errorReason.value = e.reason ?? e.code;
      error.value = errorMessage(errorReason.value);
      errorFor.value = target;
    } finally {
      busy.value = false;
      sending.value = null;
    }
  }

  /** Forgets the last error (its cause is gone, or the person dismissed it). */
  function clearError(): void {
    error.value = '';
    errorFor.value = null;
    errorReason.value = undefined;
  }

  /** Describes one reference (a page image or a result). */
  async function describe(reference: PickedReference, model: string): Promise<void> {
    const { settings } = useSettingsStore();
    await run(
      'prompt',
      'prompt',
      async (forceBytes) => {
        const [sendable] = await sendableReferences([reference], false, forceBytes);
        const source = sendable!.source;
        const result = await callFunction(
          CALLABLES.describeImage,
          { requestId: crypto.randomUUID(), model, source, language: settings.language ?? 'en' },
          describeImageResponseSchema,
          CALL_TIMEOUT_MS,
        );
        return [result, undefined];
      },
      reference.kind === 'page',
    );
  }

  function sendImageRequest(request: ImageRequest): Promise<GenerationResult> {
    const { references, seed, ...rest } = request;
    return callFunction(
      CALLABLES.generateImage,
      {
        requestId: crypto.randomUUID(),
        ...rest,
        ...(references.length ? { references } : {}),
        ...(seed === undefined ? {} : { seed }),
      },
      generateImageResponseSchema,
      CALL_TIMEOUT_MS,
    );
  }

  /**
   * Generates one image from the prompt and the picked references (roles where the model takes
   * them; a seed only where it takes one).
   */
  async function generate(
    picked: readonly PickedReference[],
    model: CatalogModel,
    options: { aspectRatio: AspectRatio; resolution: Resolution; seed?: number },
  ): Promise<void> {
    const text = prompt.value;
    await run(
      'image',
      'image',
      async (forceBytes) => {
        const request: ImageRequest = {
          model: model.id,
          prompt: text,
          aspectRatio: options.aspectRatio,
          resolution: options.resolution,
          references: await sendableReferences(picked, model.referenceRoles, forceBytes),
          ...(model.seed && options.seed !== undefined ? { seed: options.seed } : {}),
        };
        return [await sendImageRequest(request), request];
      },
      picked.some((r) => r.kind === 'page'),
    );
  }

  /**
   * The request that made `item`, when it can be sent again: one this panel sent (with its
   * references), or one that had no references (its document holds everything else).
   */
  function replayable(item: ResultItem): ImageRequest | undefined {
    const known = sent.get(item.id);
    if (known) return known;
    const { prompt: text, aspectRatio, resolution } = item;
    if (item.kind !== 'image' || item.referenceRoles.length || !text || !aspectRatio || !resolution) {
      return undefined;
    }
    return { model: item.model, prompt: text, aspectRatio, resolution, references: [] };
  }

  /** Reproduce (`sameSeed`: the seed it ran with) or Vary (the server draws a new seed). */
  async function replay(item: ResultItem, sameSeed: boolean): Promise<void> {
    const base = replayable(item);
    if (!base) return;
    const request: ImageRequest = { ...base };
    delete request.seed;
    if (sameSeed && item.seed !== undefined) request.seed = item.seed;
    await run('replay', 'image', async () => [await sendImageRequest(request), request], false);
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
        (docs) => {
          recent.value = docs.map(toResultItem);
          recentState.value = 'ready';
        },
        () => {
          if (!recent.value.length) recentState.value = 'error';
        },
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
    recentState.value = 'loading';
    prompt.value = '';
    sent.clear();
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

  /** A button's "working" state: its `kind` is being sent, or its result is still pending. */
  function isPending(kind: 'prompt' | 'image'): boolean {
    const item = current.value;
    return sending.value === kind || (!busy.value && item?.kind === kind && item.status === 'pending');
  }

  return {
    current,
    recent,
    recentState,
    prompt,
    busy,
    running,
    isPending,
    sending,
    error,
    errorFor,
    errorReason,
    clearError,
    describe,
    generate,
    replayable,
    replay,
    start,
    stop,
    toggleFavorite,
    download,
  };
});
