/**
 * The Generate page's state: images (references, the first one described) → prompt (describe,
 * editable) → one model or a comparison. Each run follows its generation document while the
 * provider works.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import {
  parseSeed,
  type AspectRatio,
  type GenerationResult,
  type Locale,
  type PromptStyle,
  type Resolution,
  type StoredReferenceRole,
} from '@mimicit/shared';
import { useAuthStore } from './auth';
import { useReferencesStore } from './references';
import { errorKey as toErrorKey } from '../lib/errors';
import { toRequestReferences } from '../lib/reference-fit';
import type { GenerationItem } from '../lib/data/generations';

/** One result card: what the callable answered, then live updates from the document. */
export interface Run {
  key: string;
  model: string;
  /** `calling` until the callable answers; then the generation's status. */
  status: 'calling' | 'pending' | 'succeeded' | 'failed' | 'error';
  startedAt: number;
  generationId?: string;
  imagePaths: string[];
  resultPrompts: string[];
  prompt?: string;
  favorite: boolean;
  refunded: boolean;
  failureReason?: string;
  /** The failure's reason code (an error reason, or `internal`), for a translated message. */
  failureCode?: string;
  errorKey?: string;
  /** The seed the provider ran with (seeded models), as the server answered or stored it. */
  seed?: number;
}

function newRequestId(): string {
  return crypto.randomUUID();
}

export const useGenerateStore = defineStore('generate', () => {
  const auth = useAuthStore();
  const refs = useReferencesStore();
  /** What Describe reads: the first image. */
  const source = computed(() => refs.first);
  const describeModel = ref('');
  const style = ref<PromptStyle>('natural');
  const language = ref<Locale>('en');
  const variants = ref(1);
  const describeRun = ref<Run | null>(null);
  const prompt = ref('');
  const compareMode = ref(false);
  const imageModel = ref('');
  const compareModels = ref<string[]>([]);
  const aspectRatio = ref<AspectRatio>('1:1');
  const resolution = ref<Resolution>('1k');
  const count = ref(1);
  /** The advanced seed field (single model that takes a seed); empty: the server draws one. */
  const seedText = ref('');
  /**
   * Set by Reproduce / Vary from History: the roles the original's references had. They are not
   * stored, so the page says the reproduction needs them added again.
   */
  const reproduceRoles = ref<StoredReferenceRole[] | null>(null);
  const runs = ref<Run[]>([]);
  const stops: (() => void)[] = [];
  /**
   * True from a click on Generate/Compare until its request is on its way: a second start in
   * that window is the same action repeated, not a new one (one request id, one charge).
   */
  const starting = ref(false);

  /** Claims the start window; the returned release ends it once (later calls do nothing). */
  function claimStart(): () => void {
    starting.value = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      starting.value = false;
    };
  }

  function runFor(model: string, promptText?: string): Run {
    return {
      key: newRequestId(),
      model,
      status: 'calling',
      startedAt: Date.now(),
      imagePaths: [],
      resultPrompts: [],
      prompt: promptText,
      favorite: false,
      refunded: false,
    };
  }

  function applyResult(run: Run, res: GenerationResult): void {
    run.generationId = res.generationId;
    run.status = res.status;
    run.imagePaths = res.imagePaths ?? [];
    run.resultPrompts = res.resultPrompts ?? [];
    run.failureReason = res.failureReason;
    run.failureCode = res.failureCode;
    run.refunded = res.status === 'failed';
    run.seed = res.seed;
  }

  function applyDoc(run: Run, doc: GenerationItem): void {
    run.status = doc.status;
    run.imagePaths = (doc.images ?? []).map((i) => i.path);
    run.resultPrompts = doc.resultPrompts ?? [];
    run.favorite = doc.favorite;
    run.refunded = doc.refunded;
    run.failureReason = doc.failureReason;
    run.failureCode = doc.failureCode;
    run.seed = doc.settings.seed ?? run.seed;
  }

  /** While the provider works, follow the document (a dropped call loses nothing). */
  async function follow(run: Run, onDone?: (run: Run) => void): Promise<void> {
    const uid = auth.uid;
    if (!uid || !run.generationId || run.status !== 'pending') return;
    const { watchGeneration } = await import('../lib/data/generations');
    let stop: () => void = () => undefined;
    stop = watchGeneration(
      uid,
      run.generationId,
      (doc) => {
        applyDoc(run, doc);
        if (doc.status !== 'pending') {
          stop();
          onDone?.(run);
        }
      },
      () => stop(), // No live view (e.g. offline): the card keeps the last known state.
    );
    stops.push(() => stop());
  }

  function fail(run: Run, err: unknown): void {
    run.status = 'error';
    run.errorKey = toErrorKey(err);
  }

  function fillPrompt(run: Run): void {
    if (run.resultPrompts[0]) prompt.value = run.resultPrompts[0];
  }

  /** True while a describe call or its generation is still running. */
  function describing(): boolean {
    const status = describeRun.value?.status;
    return status === 'calling' || status === 'pending';
  }

  async function describe(): Promise<void> {
    if (!source.value || describing()) return;
    describeRun.value = runFor(describeModel.value);
    // The reactive proxy, so the page sees every update.
    const live = describeRun.value;
    try {
      const { describeImage } = await import('../lib/data/api');
      const res = await describeImage({
        requestId: live.key,
        model: live.model,
        source: source.value.source,
        language: language.value,
        style: style.value,
        variants: variants.value,
      });
      applyResult(live, res);
      fillPrompt(live);
      void follow(live, fillPrompt);
    } catch (err) {
      fail(live, err);
    }
  }

  /** The images an image request carries (none while sending them is off). */
  function references() {
    return refs.sending ? toRequestReferences(refs.items) : undefined;
  }

  /** The seed field as a request field (the page blocks Generate while it is invalid). */
  function seed(): number | undefined {
    const parsed = parseSeed(seedText.value);
    return typeof parsed === 'number' ? parsed : undefined;
  }

  async function generate(): Promise<void> {
    if (starting.value) return;
    const release = claimStart();
    const text = prompt.value;
    if (compareMode.value) return compare(text, release);
    runs.value.unshift(runFor(imageModel.value, text));
    const run = runs.value[0]!;
    try {
      const { generateImage } = await import('../lib/data/api');
      const call = generateImage({
        requestId: run.key,
        model: run.model,
        prompt: text,
        references: references(),
        aspectRatio: aspectRatio.value,
        resolution: resolution.value,
        count: count.value,
        seed: seed(),
      });
      release();
      applyResult(run, await call);
      void follow(run);
    } catch (err) {
      fail(run, err);
    } finally {
      release();
    }
  }

  async function compare(text: string, release: () => void): Promise<void> {
    const requestId = newRequestId();
    const batch = compareModels.value.map((m) => runFor(m, text));
    runs.value.unshift(...batch);
    const live = runs.value.slice(0, batch.length);
    try {
      const { generateComparison } = await import('../lib/data/api');
      const call = generateComparison({
        requestId,
        models: batch.map((r) => r.model),
        prompt: text,
        references: references(),
        aspectRatio: aspectRatio.value,
        resolution: resolution.value,
      });
      release();
      const res = await call;
      for (const run of live) {
        const r = res.results.find((x) => x.model === run.model);
        if (r) {
          applyResult(run, r);
          void follow(run);
        }
      }
    } catch (err) {
      for (const run of live) fail(run, err);
    } finally {
      release();
    }
  }

  /** Removes a finished run's card (errors and failures pile up otherwise). */
  function dismiss(key: string): void {
    runs.value = runs.value.filter((r) => r.key !== key || r.status === 'calling' || r.status === 'pending');
  }

  // A describe error is about the source it was given: it goes when that source does.
  watch(source, () => {
    const status = describeRun.value?.status;
    if (status === 'error' || status === 'failed') describeRun.value = null;
  });

  /** "Use again": the settings and prompt of an earlier generation. */
  function reuse(
    item: Pick<GenerationItem, 'kind' | 'model' | 'prompt' | 'resultPrompts' | 'settings'>,
  ): void {
    seedText.value = '';
    reproduceRoles.value = null;
    if (item.kind === 'prompt') {
      describeModel.value = item.model;
      prompt.value = item.resultPrompts?.[0] ?? prompt.value;
      if (item.settings.style) style.value = item.settings.style;
      if (item.settings.language) language.value = item.settings.language;
    } else {
      compareMode.value = false;
      imageModel.value = item.model;
      prompt.value = item.prompt ?? prompt.value;
      if (item.settings.aspectRatio) aspectRatio.value = item.settings.aspectRatio;
      if (item.settings.resolution) resolution.value = item.settings.resolution;
      if (item.settings.count) count.value = item.settings.count;
    }
  }

  /**
   * Reproduce (same seed, prompt and settings) or Vary (the same with a new seed) an image
   * generation from History. Its references were never stored: the page says so when it had any.
   */
  function reproduce(
    item: Pick<GenerationItem, 'kind' | 'model' | 'prompt' | 'resultPrompts' | 'settings'>,
    vary: boolean,
  ): void {
    reuse(item);
    if (!vary && item.settings.seed !== undefined) seedText.value = String(item.settings.seed);
    const roles = item.settings.referenceRoles ?? [];
    reproduceRoles.value = roles.length ? roles : null;
  }

  /** Stops every live subscription (page unmount, sign-out). */
  function stopAll(): void {
    while (stops.length) stops.pop()?.();
  }

  return {
    source,
    describeModel,
    style,
    language,
    variants,
    describeRun,
    prompt,
    compareMode,
    imageModel,
    compareModels,
    aspectRatio,
    resolution,
    count,
    seedText,
    reproduceRoles,
    runs,
    starting,
    describe,
    generate,
    dismiss,
    reuse,
    reproduce,
    stopAll,
  };
});
