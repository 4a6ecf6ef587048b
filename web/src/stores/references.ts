/**
 * The Generate page's images: uploads, image addresses and History items, in order, each with
 * an optional role (subject, scene, style). The first one is what Describe reads; all of them go
 * with an image request while `send` is on. Held in memory only: nothing here is ever stored.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { LIMITS, type ReferenceRole } from '@mimicit/shared';
import type { ChosenSource } from '../lib/source-image';

export interface ReferenceItem {
  key: string;
  source: ChosenSource;
  /** '' for a plain reference. */
  role: ReferenceRole | '';
  /** The History item it was read from, so the picker can mark it as added. */
  generationId?: string;
}

export const useReferencesStore = defineStore('references', () => {
  const items = ref<ReferenceItem[]>([]);
  /** Whether an image request carries the images (off: describe the first, then text only). */
  const send = ref(true);

  const first = computed<ChosenSource | null>(() => items.value[0]?.source ?? null);
  const hasRoles = computed(() => items.value.some((r) => r.role !== ''));
  /** How many a request carries now (0 while `send` is off). */
  const sending = computed(() => (send.value ? items.value.length : 0));

  /** Appends an image; false when the page already holds the most any model takes. */
  function add(source: ChosenSource, generationId?: string): boolean {
    if (items.value.length >= LIMITS.maxReferences) return false;
    items.value.push({ key: crypto.randomUUID(), source, role: '', generationId });
    return true;
  }

  function remove(key: string): void {
    items.value = items.value.filter((r) => r.key !== key);
  }

  /** Moves an image one place earlier (-1) or later (+1): the order is how the prompt names them. */
  function move(key: string, by: -1 | 1): void {
    const from = items.value.findIndex((r) => r.key === key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.value.length) return;
    const next = [...items.value];
    [next[from], next[to]] = [next[to]!, next[from]!];
    items.value = next;
  }

  /** Drops every role (a model without roles was chosen, so none can be sent). */
  function clearRoles(): void {
    for (const r of items.value) r.role = '';
  }

  return { items, send, first, hasRoles, sending, add, remove, move, clearRoles };
});
