// Content script: does nothing until the side panel asks.
chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if ((message as { type?: unknown } | null)?.type !== 'ping') return false;
  sendResponse({ ok: true });
  return false;
});
