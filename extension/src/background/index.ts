// Service worker: a thin router (panel behavior, context menu, keyboard shortcut, external messages).
import { appOrigins } from '../lib/origins';
import { createContextMenu, onCommand, onContextMenuClick, onExternalMessage } from './router';

const ALLOWED_ORIGINS = appOrigins(import.meta.env.MODE, import.meta.env.VITE_APP_ORIGIN);

void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
chrome.runtime.onInstalled.addListener(createContextMenu);

chrome.contextMenus.onClicked.addListener((info, tab) => {
  void onContextMenuClick(info, tab);
});

chrome.commands.onCommand.addListener((command, tab) => {
  void onCommand(command, tab);
});

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  void onExternalMessage(message, sender, ALLOWED_ORIGINS).then(sendResponse);
  return true;
});

// Dev/e2e builds only: lets the browser tests drive the handlers from `worker.evaluate`
// (a context menu click cannot be synthesized headlessly). Removed from production builds.
if (import.meta.env.MODE !== 'production') {
  Object.assign(globalThis, {
    mimicitTest: { onCommand, onContextMenuClick, onExternalMessage, ALLOWED_ORIGINS },
  });
}
