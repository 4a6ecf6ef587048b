/**
 * The keyboard command that opens the side panel (`commands` in the manifest). Alt+Shift+M:
 * Chrome accepts Alt+Shift with a letter on every platform, no Chrome shortcut uses it, and M is
 * for Mimicit. On macOS Chrome maps Alt to Option.
 */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
export const OPEN_PANEL_SUGGESTED_KEY = 'Alt+Shift+M';
