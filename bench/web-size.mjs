// Gzip size of each web route's initial JS and CSS, from a Vite build manifest.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, gzipSize, kb } from './lib.mjs';

export const WEB_BUDGET_KB = 150;

export function webSizes() {
  const outDir = join(ROOT, 'artifacts', 'bench-web');
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', 'manifest.json'],
    {
      cwd: join(ROOT, 'web'),
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stderr}`);
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const sizeOf = (keys) => {
    let js = 0;
    let css = 0;
    for (const k of keys) {
      const chunk = manifest[k];
      if (!chunk) continue;
      js += gzipSize(join(outDir, chunk.file));
      for (const c of chunk.css ?? []) css += gzipSize(join(outDir, c));
    }
    return { js, css };
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const initial = closure(entryKey);
  const base = sizeOf(initial);
  const routes = [{ route: '(entry)', jsKb: kb(base.js), cssKb: kb(base.css) }];
  const everyInitial = new Set(initial);
  for (const key of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /pages?\//i.test(k))) {
    const keys = new Set([...initial, ...closure(key)]);
    for (const k of keys) everyInitial.add(k);
    const s = sizeOf(keys);
    routes.push({ route: key.replace(/^.*\//, '').replace(/\.vue$/, ''), jsKb: kb(s.js), cssKb: kb(s.css) });
  }
  const firstRoute = routes.find((r) => /landing|home/i.test(r.route)) ?? routes[0];
  // App Check (firebase/app-check and our module) loads with the first callable; what it adds
  // then, beyond what that route already has, and whether it stayed out of every route's initial JS.
  const appCheckKey = Object.keys(manifest).find((k) => k.endsWith('src/lib/app-check.ts'));
  const appCheck = appCheckKey
    ? {
        jsKb: kb(sizeOf([...closure(appCheckKey)].filter((k) => !initial.has(k))).js),
        inInitialJs: everyInitial.has(appCheckKey),
      }
    : null;
  return {
    routes,
    firstRoute: { ...firstRoute, budgetKb: WEB_BUDGET_KB, pass: firstRoute.jsKb <= WEB_BUDGET_KB },
    appCheck,
  };
}
