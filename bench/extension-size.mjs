// Gzip size of the extension's content script, service worker and side panel entry (the panel's
// HTML entry script and everything it loads before first paint: its static imports and
// modulepreloads; Firestore, Storage and the local adapter load later, with the data port).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { ROOT, gzipSize, kb } from './lib.mjs';

export const CONTENT_SCRIPT_BUDGET_KB = 2;
export const SIDE_PANEL_BUDGET_KB = 150;

/** A JS file plus every file it statically imports (relative specifiers), each once. */
function jsClosure(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = readFileSync(join(dir, file), 'utf8');
  for (const m of src.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const spec = m[1];
    const next = spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec);
    jsClosure(dir, next, seen);
  }
  return seen;
}

const total = (dir, files) => [...files].reduce((s, f) => s + gzipSize(join(dir, f)), 0);

export function extensionSizes(dir = join(ROOT, 'extension', 'dist')) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const content = new Set();
  for (const cs of manifest.content_scripts ?? []) for (const f of cs.js ?? []) jsClosure(dir, f, content);
  // crxjs loads content scripts through a tiny loader that dynamic-imports the real module.
  for (const f of [...content]) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/import\(\s*(?:chrome\.runtime\.getURL\()?["']([^"']+\.js)["']/g)) {
      jsClosure(dir, m[1].replace(/^\//, ''), content);
    }
  }
  const worker = jsClosure(dir, manifest.background.service_worker);
  const panelHtml = readFileSync(join(dir, manifest.side_panel.default_path), 'utf8');
  const panel = new Set();
  for (const m of panelHtml.matchAll(/<script[^>]+src="([^"]+)"/g))
    jsClosure(dir, m[1].replace(/^\//, ''), panel);
  for (const m of panelHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) {
    jsClosure(dir, m[1].replace(/^\//, ''), panel);
  }
  const contentKb = kb(total(dir, content));
  const panelKb = kb(total(dir, panel));
  return {
    contentScriptKb: contentKb,
    contentScriptBudgetKb: CONTENT_SCRIPT_BUDGET_KB,
    contentScriptPass: contentKb <= CONTENT_SCRIPT_BUDGET_KB,
    serviceWorkerKb: kb(total(dir, worker)),
    sidePanelEntryKb: panelKb,
    sidePanelBudgetKb: SIDE_PANEL_BUDGET_KB,
    sidePanelPass: panelKb <= SIDE_PANEL_BUDGET_KB,
  };
}
