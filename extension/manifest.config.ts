import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export default defineManifest((env) => ({
  manifest_version: 3,
  name: 'Mimicit',
  version: pkg.version,
  description: 'Turn any image on the web into an AI prompt or a new image.',
  permissions: ['storage', 'activeTab', 'contextMenus', 'sidePanel'],
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  side_panel: { default_path: 'src/sidepanel/index.html' },
  action: { default_title: 'Mimicit' },
  content_scripts: [{ matches: ['<all_urls>'], js: ['src/content/index.ts'], run_at: 'document_idle' }],
  content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  externally_connectable: {
    matches: env.mode === 'development' ? ['http://127.0.0.1:5173/*', 'http://localhost:5173/*'] : [],
  },
}));
