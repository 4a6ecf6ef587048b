/**
 * Images of the target tab, listed by its content script. The target is the active tab of the
 * panel's window (followed on tab switches and navigations), or the tab given as `?tab=<id>`
 * in the panel URL (tests, and panels opened for one tab).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  parseListImagesReply,
  readImageReplySchema,
  SESSION_KEYS,
  sessionSchemas,
  type ContentRequest,
} from '../../lib/messaging';
import type { PageImage } from '../../lib/page-image';
import { resolveImages } from '../../lib/resolve-images';
import { CallableError } from '../../lib/api';
import type { ImageSource } from '@mimicit/shared';

type Status = 'idle' | 'loading' | 'ready' | 'unavailable';

function pinnedTab(): number | null {
  const raw = new URLSearchParams(location.search).get('tab');
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

export const useImagesStore = defineStore('images', () => {
  const pinned = pinnedTab();
  const tabId = ref<number | null>(pinned);
  const images = ref<PageImage[]>([]);
  const status = ref<Status>('idle');
  const listMs = ref(0);
  const selectedSrc = ref<string | null>(null);
  const selected = computed(() => images.value.find((i) => i.src === selectedSrc.value) ?? null);

  function send(request: ContentRequest): Promise<unknown> {
    if (tabId.value === null) return Promise.reject(new Error('no tab'));
    return chrome.tabs.sendMessage(tabId.value, request);
  }

  async function activeTab(): Promise<number | null> {
    if (pinned !== null) return pinned;
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  async function refresh(): Promise<void> {
    tabId.value = await activeTab();
    status.value = 'loading';
    try {
      const reply = parseListImagesReply(await send({ type: 'content/list-images' }));
      images.value = resolveImages(reply.images, reply.base);
      listMs.value = reply.ms;
      status.value = 'ready';
      if (selectedSrc.value && !selected.value) selectedSrc.value = null;
    } catch {
      // No content script there (chrome:// pages, the Web Store, tabs opened before install).
      images.value = [];
      selectedSrc.value = null;
      status.value = 'unavailable';
    }
  }

  /** Applies the context menu's pending selection, if any (used once). */
  async function consumeSelection(): Promise<void> {
    const stored: Record<string, unknown> = await chrome.storage.session.get(SESSION_KEYS.selection);
    if (stored[SESSION_KEYS.selection] === undefined) return;
    await chrome.storage.session.remove(SESSION_KEYS.selection);
    const pending = sessionSchemas.selection.safeParse(stored[SESSION_KEYS.selection]);
    if (!pending.success || (pinned !== null && pending.data.tabId !== pinned)) return;
    await refresh();
    const { srcUrl } = pending.data;
    const match = images.value.find((i) => i.src === srcUrl || i.thumb === srcUrl);
    if (!match) {
      // Right-clicked images the grid skips (small, hidden) are still what the person chose.
      images.value = [
        { src: srcUrl, thumb: srcUrl, width: 0, height: 0, displayWidth: 0, displayHeight: 0, alt: '' },
        ...images.value,
      ];
    }
    selectedSrc.value = match?.src ?? srcUrl;
  }

  function select(src: string | null): void {
    selectedSrc.value = src;
  }

  /**
   * What the server gets for an image: its URL when it can fetch it itself, otherwise the bytes
   * read inside the page (`blob:` URLs, hotlink-protected files), within the 10 MB limit.
   */
  async function sourceFor(image: PageImage, forceBytes = false): Promise<ImageSource> {
    if (image.src.startsWith('data:')) return { dataUrl: image.src };
    if (!forceBytes && /^https?:/.test(image.src)) return { url: image.src };
    const reply = readImageReplySchema.parse(await send({ type: 'content/read-image', url: image.src }));
    if (!reply.ok) throw new CallableError('invalid-argument', reply.reason, { reason: reply.reason });
    return { dataUrl: reply.dataUrl };
  }

  function start(): void {
    void refresh().then(consumeSelection);
    chrome.tabs.onActivated.addListener(() => {
      // Any window's switch fires this; only a new active tab in the panel's window matters.
      if (pinned === null) void activeTab().then((id) => (id !== tabId.value ? refresh() : undefined));
    });
    chrome.tabs.onUpdated.addListener((id, info) => {
      if (id === tabId.value && info.status === 'complete') void refresh();
    });
    chrome.storage.session.onChanged.addListener((changes) => {
      if (changes[SESSION_KEYS.selection]?.newValue !== undefined) void consumeSelection();
    });
  }

  return { tabId, images, status, listMs, selectedSrc, selected, refresh, select, sourceFor, start };
});
