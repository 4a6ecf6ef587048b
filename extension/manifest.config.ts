import { defineManifest } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import { loadEnv } from 'vite';
import pkg from './package.json' with { type: 'json' };
import {
  apiHostPermissions,
  appOrigins,
  originMatchPatterns,
  usesEmulators,
  usesLocalBackend,
} from './src/lib/origins.ts';
import { OPEN_PANEL_COMMAND, OPEN_PANEL_SUGGESTED_KEY } from './src/lib/commands.ts';

/**
 * The MV3 manifest. Permissions are exactly what the product promises; hosts are the app's own
 * API only; `externally_connectable` is the web app's exact origins (see `src/lib/origins.ts`).
 */
export default defineManifest((env) => {
  const vars = loadEnv(env.mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_');
  const projectId = vars.VITE_FIREBASE_PROJECT_ID || 'demo-mimicit';
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Mimicit',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    permissions: ['storage', 'activeTab', 'contextMenus', 'sidePanel'],
    host_permissions: apiHostPermissions(
      projectId,
      usesEmulators(env.mode, vars.VITE_USE_EMULATORS) || usesLocalBackend(env.mode, vars.VITE_BACKEND),
    ),
    background: { service_worker: 'src/background/index.ts', type: 'module' },
    side_panel: { default_path: 'src/sidepanel/index.html' },
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
    },
    // A keyboard shortcut to the panel (the person can change it in chrome://extensions/shortcuts).
    commands: {
      [OPEN_PANEL_COMMAND]: {
        suggested_key: { default: OPEN_PANEL_SUGGESTED_KEY },
        description: '__MSG_commandOpenPanel__',
      },
    },
    content_scripts: [
      { matches: ['<all_urls>'], js: ['src/content/index.ts'], run_at: 'document_idle', all_frames: false },
    ],
    // Only the extension's own scripts: no eval, no remote code, no plugins.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    externally_connectable: {
      matches: originMatchPatterns(appOrigins(env.mode, vars.VITE_APP_ORIGIN)),
    },
    minimum_chrome_version: '116',
  };
});
