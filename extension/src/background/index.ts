// Service worker: a thin router. Opening the side panel from the toolbar icon.
chrome.runtime.onInstalled.addListener(() => {
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
