/**
 * The reference images the person picked, in order: page images (from the grid, the context
 * menu or a drop, with the tab they came from) and Recent results. Each may carry a role, used
 * where the chosen model takes roles. Held in memory only: the images themselves are read when
 * a request is sent, and never stored.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ReferenceRole } from '@mimicit/shared';
import type { PageImage } from '../../lib/page-image';
import type { MessageKey } from '../../lib/i18n';
import { modelLabel } from '../../lib/i18n';
import { useChoiceStore } from './choice';

export type PickedReference =
  | { key: string; kind: 'page'; image: PageImage; tabId: number | null; role?: ReferenceRole }
  | { key: string; kind: 'result'; path: string; thumbPath?: string; role?: ReferenceRole };

/** A picked reference before it has its key. */
export type NewReference =
  | { kind: 'page'; image: PageImage; tabId: number | null }
  | { kind: 'result'; path: string; thumbPath?: string };

/** A page image is its URL; a result is its stored path. */
export const referenceKey = (r: NewReference): string =>
  r.kind === 'page' ? `page:${r.image.src}` : `result:${r.path}`;

export const useReferencesStore = defineStore('references', () => {
  const picked = ref<PickedReference[]>([]);
  /** The last refusal (the pick limit), shown until the next change. */
  const refused = ref<{ model?: { id: string; label?: string }; max: number } | null>(null);
  /** The refusal in the panel's current language (a language switch re-renders the model name). */
  const notice = computed<{ key: MessageKey; params: Record<string, string | number> } | null>(() => {
    const r = refused.value;
    if (!r) return null;
    return {
      key: 'refs.limit',
      params: { model: r.model ? modelLabel(r.model.id, r.model.label) : '', max: r.max },
    };
  });

  /** 1-based position of a reference, or 0 when it is not picked. */
  function order(key: string): number {
    return picked.value.findIndex((r) => r.key === key) + 1;
  }

  /** Adds a reference at the end (no-op when picked already); false when over the limit. */
  function add(reference: NewReference): boolean {
    const key = referenceKey(reference);
    if (order(key)) return true;
    const choice = useChoiceStore();
    if (picked.value.length >= choice.referenceLimit) {
      const model = choice.imageModel;
      refused.value = {
        model: model ? { id: model.id, label: model.label } : undefined,
        max: choice.referenceLimit,
      };
      return false;
    }
    refused.value = null;
    picked.value = [...picked.value, { ...reference, key }];
    return true;
  }

  function remove(key: string): void {
    refused.value = null;
    picked.value = picked.value.filter((r) => r.key !== key);
  }

  /** Picks or unpicks. */
  function toggle(reference: NewReference): void {
    const key = referenceKey(reference);
    if (order(key)) remove(key);
    else add(reference);
  }

  function setRole(key: string, role: ReferenceRole | undefined): void {
    picked.value = picked.value.map((r) => (r.key === key ? { ...r, role } : r));
  }

  function clear(): void {
    refused.value = null;
    picked.value = [];
  }

  return { picked, notice, order, add, remove, toggle, setRole, clear };
});
