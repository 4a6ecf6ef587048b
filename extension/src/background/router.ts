/**
 * The service worker's handlers, free of top-level side effects so tests can drive them.
 * The worker never touches Firebase: it validates, then hands over to the side panel through
 * `chrome.storage.session` (readable by extension pages only, not by content scripts).
 */
import { type ExternalReply } from '@mimicit/shared';
import { OPEN_PANEL_COMMAND } from '../lib/commands';
import {
  SESSION_KEYS,
  sessionSchemas,
  sessionUpdateFor,
  verifyExternalMessage,
  type ExternalSender,
} from '../lib/messaging';

export const MENU_ID = 'mimicit-mimic-image';

/** Registers the "Mimic this image" entry on images (context menus persist across restarts). */
export function createContextMenu(): void {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({
      id: MENU_ID,
      title: chrome.i18n.getMessage('contextMenuMimic') || 'Mimic this image',
      contexts: ['image'],
    });
  });
}

/**
 * "Mimic this image": opens the side panel on that tab and leaves the image as the pending
 * selection the panel picks up (now, or when it finishes loading).
 */
export async function onContextMenuClick(
  info: Pick<chrome.contextMenus.OnClickData, 'menuItemId' | 'srcUrl'>,
  tab: Pick<chrome.tabs.Tab, 'id' | 'windowId'> | undefined,
): Promise<boolean> {
  if (info.menuItemId !== MENU_ID || !info.srcUrl || tab?.id === undefined) return false;
  // sidePanel.open needs the user gesture, so it is called before anything is awaited.
  const opening = chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
  const selection = sessionSchemas.selection.safeParse({
    srcUrl: info.srcUrl,
    tabId: tab.id,
    at: Date.now(),
  });
  if (!selection.success) return false;
  await Promise.all([opening, chrome.storage.session.set({ [SESSION_KEYS.selection]: selection.data })]);
  return true;
}

/**
 * The keyboard shortcut: opens the side panel in the window where it was pressed. The shortcut
 * is the user gesture `sidePanel.open` needs, so nothing is awaited before the call.
 */
export async function onCommand(
  command: string,
  tab: Pick<chrome.tabs.Tab, 'windowId'> | undefined,
): Promise<boolean> {
  if (command !== OPEN_PANEL_COMMAND || tab?.windowId === undefined) return false;
  try {
    await chrome.sidePanel.open({ windowId: tab.windowId });
    return true;
  } catch {
    return false; // the window closed meanwhile
  }
}

/** `onMessageExternal`: the web app's bridge page (auth token, sign-out, credits). */
export async function onExternalMessage(
  message: unknown,
  sender: ExternalSender,
  allowedOrigins: readonly string[],
): Promise<ExternalReply> {
  const verdict = verifyExternalMessage(message, sender, allowedOrigins);
  if (!verdict.ok) return verdict.reply;
  try {
    await chrome.storage.session.set(sessionUpdateFor(verdict.message, Date.now()));
    return { ok: true };
  } catch {
    return { ok: false, error: 'storage-failed' };
  }
}
