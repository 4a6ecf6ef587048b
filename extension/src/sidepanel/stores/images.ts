/**
 * Images of the target tab, listed by its content script. The target is the active tab of the
 * panel's window (followed on tab switches and navigations), or the tab given as `?tab=<id>`
 * in the panel URL (tests, and panels opened for one tab). Picking them as references is the
 * references store's job; images the grid skipped but the person chose (context menu, a drop)
 * are added in front.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  parseListImagesReply,
  readImageReplySchema,
  SESSION_KEYS,
  sessionSchemas,
  type ContentRequest,
} from '../../lib/messaging';
import { MIN_SIDE, type PageImage } from '../../lib/page-image';
import { resolveImages } from '../../lib/resolve-images';
import { CallableError } from '../../lib/api';
import type { ImageSource } from '@mimicit/shared';
import { useReferencesStore } from './references';

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
  /** The page's base URL from the last listing (relative addresses in drops resolve against it). */
  const base = ref('');

  function send(request: ContentRequest, tab = tabId.value): Promise<unknown> {
    if (tab === null) return Promise.reject(new Error('no tab'));
    return chrome.tabs.sendMessage(tab, request);
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
      base.value = reply.base;
      listMs.value = reply.ms;
      status.value = 'ready';
    } catch {
      // No content script there (chrome:// pages, the Web Store, tabs opened before install).
      images.value = [];
      status.value = 'unavailable';
    }
  }

  /** The listed image at `url` (its best or its displayed address), if any. */
  function find(url: string): PageImage | undefined {
    return images.value.find((i) => i.src === url || i.thumb === url);
  }

  /**
   * The listed image at `url`, or a new entry in front of the grid for an image the listing
   * skipped (small, hidden, or not on this page) that the person chose all the same.
   */
  function ensure(url: string): PageImage {
    const found = find(url);
    if (found) return found;
    const image: PageImage = {
      src: url,
      thumb: url,
      width: 0,
      height: 0,
      displayWidth: 0,
      displayHeight: 0,
      alt: '',
    };
    images.value = [image, ...images.value];
    return image;
  }

  /**
   * Records the pixel size of a background image once the grid has loaded it (the content script
   * cannot know it), and drops it if it turns out to be an icon-sized decoration.
   */
  function learnSize(src: string, width: number, height: number): void {
    const image = images.value.find((i) => i.src === src);
    if (!image?.background || image.width) return;
    if (width < MIN_SIDE || height < MIN_SIDE) {
      if (!useReferencesStore().order(`page:${src}`)) images.value = images.value.filter((i) => i !== image);
      return;
    }
    images.value = images.value.map((i) => (i === image ? { ...i, width, height } : i));
  }

  /** Applies the context menu's pending selection, if any (used once). */
  async function consumeSelection(): Promise<void> {
    const stored: Record<string, unknown> = await chrome.storage.session.get(SESSION_KEYS.selection);
    if (stored[SESSION_KEYS.selection] === undefined) return;
    await chrome.storage.session.remove(SESSION_KEYS.selection);
    const pending = sessionSchemas.selection.safeParse(stored[SESSION_KEYS.selection]);
    if (!pending.success || (pinned !== null && pending.data.tabId !== pinned)) return;
    await refresh();
    // Right-clicked images the grid skips (small, hidden) are still what the person chose.
    useReferencesStore().add({ kind: 'page', image: ensure(pending.data.srcUrl), tabId: tabId.value });
  }

  /**
   * What the server gets for an image: its URL when it can fetch it itself, otherwise the bytes
   * read inside the page it came from (`blob:` URLs, hotlink-protected files), within the 10 MB
   * limit.
   */
  async function sourceFor(image: PageImage, forceBytes = false, tab = tabId.value): Promise<ImageSource> {
    if (image.src.startsWith('data:')) return { dataUrl: image.src };
    if (!forceBytes && /^https?:/.test(image.src)) return { url: image.src };
    const reply = readImageReplySchema.parse(await send({ type: 'content/read-image', url: image.src }, tab));
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

  return { tabId, images, status, listMs, base, refresh, find, ensure, learnSize, sourceFor, start };
});
