#!/usr/bin/env node
// `npm run bench`: every benchmark, one report (bench/results.json + bench/RESULTS.md) and the
// README "Performance" section generated from it.
//   --check        exit 1 when a budget is exceeded
//   --sizes-only   only the deterministic size budgets (what `npm test` checks)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as prettier from 'prettier';
import { ROOT, importTs } from '../bench/lib.mjs';
import { webSizes } from '../bench/web-size.mjs';
import { extensionSizes } from '../bench/extension-size.mjs';
import { functionsColdLoad } from '../bench/functions-cold.mjs';

const args = new Set(process.argv.slice(2));
const sizesOnly = args.has('--sizes-only');
const failures = [];

/**
 * The functions build when there is none; the extension's production build always (a few
 * seconds): `npm run dev`, npm test's dev tier and this bench's own local-mode section leave a
 * development build in extension/dist, which the size and listing benches would otherwise measure.
 */
function ensureBuilt() {
  const need = [
    ['functions/lib/index.js', 'functions'],
    ['extension/dist/manifest.json', 'extension'],
  ].filter(([file, ws]) => ws === 'extension' || !existsSync(join(ROOT, file)));
  for (const [, ws] of need) {
    const r = spawnSync('npm', ['run', 'build', '-w', ws], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

async function section(name, fn) {
  const started = Date.now();
  try {
    const value = await fn();
    console.info(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    return value;
  } catch (err) {
    console.error(`  ✖ ${name}: ${err instanceof Error ? err.message : String(err)}`);
    failures.push(`${name} could not be measured`);
    return { error: String(err instanceof Error ? err.message : err) };
  }
}

ensureBuilt();
console.info(sizesOnly ? 'Size budgets:' : 'Benchmarks:');
const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  },
  node: process.version,
  web: await section('web route sizes', webSizes),
  extension: await section('extension sizes', () => extensionSizes()),
};

if (!sizesOnly) {
  report.functions = await section('functions cold load', functionsColdLoad);
  if (existsSync(join(ROOT, 'bench', 'extension-listing.mjs'))) {
    const { listingBench } = await import('../bench/extension-listing.mjs');
    report.extension = {
      ...report.extension,
      listing: await section('extension image listing in Chromium', listingBench),
    };
  }
  const { localModeBench } = await import('../bench/local-mode.mjs');
  report.localMode = await section('local mode: npm run dev start, describe click → prompt', localModeBench);
  const { generationBench } = await import('../bench/generation.bench.mjs');
  report.generation = await section('generation pipeline', () => generationBench());
  if (existsSync(join(ROOT, 'bench', 'firestore-cost.bench.ts'))) {
    const mod = await importTs('bench/firestore-cost.bench.ts');
    report.firestore = await section('Firestore cost', () => mod.firestoreCostBench());
  }
  const history = await importTs('bench/history-bytes.bench.ts');
  report.historyPage = await section('History page bytes', () => history.runHistoryBytesBench());
}

// Budgets.
if (report.web?.firstRoute && !report.web.firstRoute.pass) {
  failures.push(`web first route ${report.web.firstRoute.jsKb} KB gz > ${report.web.firstRoute.budgetKb} KB`);
}
if (report.web && !report.web.error && !report.web.appCheck) failures.push('web App Check chunk not found');
if (report.web?.appCheck?.inInitialJs)
  failures.push('web App Check is in the initial JS; it loads with the first callable');
if (report.extension && report.extension.contentScriptPass === false) {
  failures.push(
    `content script ${report.extension.contentScriptKb} KB gz > ${report.extension.contentScriptBudgetKb} KB`,
  );
}
if (report.extension && report.extension.sidePanelPass === false) {
  failures.push(
    `side panel entry ${report.extension.sidePanelEntryKb} KB gz > ${report.extension.sidePanelBudgetKb} KB`,
  );
}
if (!sizesOnly) {
  const listing = report.extension?.listing;
  if (listing && !listing.error && !listing.pass)
    failures.push(`listing ${listing.images} images took ${listing.medianMs} ms > ${listing.budgetMs} ms`);
  const mixed = listing?.mixed;
  if (mixed && !mixed.pass)
    failures.push(
      `listing the mixed page's ${mixed.images} images took ${mixed.medianMs} ms > ${mixed.budgetMs} ms`,
    );
  const cold = report.functions;
  if (cold && !cold.error && !cold.pass)
    failures.push(
      `functions cold load: our code adds ${cold.oursMs} ms to firebase-functions' own ${cold.firebaseFunctionsSdkMs} ms > ${cold.budgetMs} ms`,
    );
  const local = report.localMode;
  if (local && !local.error) {
    if (!local.devPass)
      failures.push(`npm run dev answered after ${local.devReadyS} s > ${local.devBudgetS} s`);
    if (!local.describe.pass)
      failures.push(`describe click → prompt p50 ${local.describe.p50Ms} ms > ${local.describe.budgetMs} ms`);
  }
  const writes = report.firestore?.writesPerGeneration;
  if (typeof writes === 'number' && writes > 4)
    failures.push(`${writes} Firestore writes per generation > 4`);
  const page = report.historyPage;
  if (page && !page.error && !page.pass)
    failures.push(
      `History page of ${page.items} draws ${mb(page.thumbnailsBytes)} MB > ${mb(page.budgetBytes)} MB`,
    );
}
report.budgetFailures = failures;

const md = renderMarkdown(report);
if (!sizesOnly) {
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFormatted(join(ROOT, 'bench', 'RESULTS.md'), md);
  await updateReadme(md);
}
console.info(`\n${md}`);
if (failures.length) {
  console.error(`Budget failures:\n  - ${failures.join('\n  - ')}`);
  if (args.has('--check')) process.exit(1);
} else console.info('All budgets met.');

function renderMarkdown(r) {
  const lines = [];
  lines.push(
    `Measured ${r.date.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.node}.`,
    '',
  );
  if (r.web?.routes) {
    lines.push('| web route | initial JS (KB gz) | CSS (KB gz) |', '| --- | ---: | ---: |');
    for (const x of r.web.routes) lines.push(`| ${x.route} | ${x.jsKb} | ${x.cssKb} |`);
    const f = r.web.firstRoute;
    lines.push(
      '',
      `First route (${f.route}): ${f.jsKb} KB gz of JS, budget ${f.budgetKb} KB: ${f.pass ? 'pass' : 'FAIL'}.`,
      '',
    );
    const a = r.web.appCheck;
    if (a) {
      lines.push(
        `App Check: ${a.jsKb} KB gz more JS, loaded with the first callable (out of every route's initial JS: ${a.inInitialJs ? 'FAIL' : 'pass'}); in production Google's reCAPTCHA Enterprise script comes with it.`,
        '',
      );
    }
  }
  if (r.extension && !r.extension.error) {
    const e = r.extension;
    lines.push(
      `Extension: content script ${e.contentScriptKb} KB gz (budget ${e.contentScriptBudgetKb} KB: ${e.contentScriptPass ? 'pass' : 'FAIL'}), service worker ${e.serviceWorkerKb} KB gz, side panel entry ${e.sidePanelEntryKb} KB gz (budget ${e.sidePanelBudgetKb} KB: ${e.sidePanelPass ? 'pass' : 'FAIL'}).`,
    );
    const l = e.listing;
    if (l && !l.error) {
      lines.push(
        `Listing ${l.images} images in Chromium: the content script takes a median ${l.medianMs} ms of the page's main thread over ${l.runs} listings (p90 ${l.p90Ms} ms; budget ${l.budgetMs} ms: ${l.pass ? 'pass' : 'FAIL'}); the page's first listing, before V8 has optimised it, ${l.firstMs} ms. Round trip as the sender sees it: median ${l.roundTripMedianMs} ms; the side panel then resolves the reading into images in ${l.panelResolveMedianMs} ms (Node, same reading).`,
      );
      const m = l.mixed;
      if (m && !m.error) {
        lines.push(
          `Mixed page (${m.images} images: <img>, CSS backgrounds and images in open shadow roots among ${m.elements} elements, each a candidate for a background): median ${m.medianMs} ms (p90 ${m.p90Ms} ms; budget ${m.budgetMs} ms: ${m.pass ? 'pass' : 'FAIL'}), first listing ${m.firstMs} ms, panel resolving ${m.panelResolveMedianMs} ms.`,
        );
      }
    }
    lines.push('');
  }
  if (r.functions?.perFunction) {
    lines.push(
      `Functions: a cold start loads firebase-functions (${r.functions.firebaseFunctionsSdkMs} ms: ${r.functions.firebaseFunctionsEntries.join(', ')}) and then our bundle, which adds ${r.functions.oursMs} ms on top of it (budget ${r.functions.budgetMs} ms: ${r.functions.pass ? 'pass' : 'FAIL'}); ${r.functions.indexLoadMs} ms in all (medians of ${r.functions.runs} fresh processes, each timing both loads in turn). Every function loads the same bundle; heavy SDKs load on first use:`,
      '',
      '| function | cold load (ms) | first-use SDK load (ms) | SDKs |',
      '| --- | ---: | ---: | --- |',
    );
    for (const f of r.functions.perFunction)
      lines.push(`| ${f.name} | ${f.coldLoadMs} | ${f.firstUseSdkMs} | ${f.sdks.join(', ') || '—'} |`);
    lines.push('');
  }
  if (r.localMode && !r.localMode.error) {
    const l = r.localMode;
    lines.push(
      `Local mode: \`npm run dev\` answers on every URL it prints ${l.devReadyS} s after start (budget ${l.devBudgetS} s: ${l.devPass ? 'pass' : 'FAIL'}). Describe with the local preview model, click → prompt shown in the page: p50 ${l.describe.p50Ms} ms, p90 ${l.describe.p90Ms} ms over ${l.describe.runs} runs (budget p50 ${l.describe.budgetMs} ms: ${l.describe.pass ? 'pass' : 'FAIL'}).`,
      '',
    );
  }
  if (r.generation && !r.generation.error) lines.push(`Generation: ${describe(r.generation)}.`, '');
  if (r.firestore && !r.firestore.error) {
    const f = r.firestore;
    lines.push(
      `Firestore: ${f.writesPerGeneration} writes per image generation (budget 4: ${f.writesPerGeneration <= 4 ? 'pass' : 'FAIL'}) plus ${f.accessLogWritesPerCall} access-log entry per call; dashboard load ${f.dashboardReads} reads; one history page of ${f.historyPageSize} = ${f.historyPageReads} reads.`,
      '',
    );
  }
  const page = r.historyPage;
  if (page && !page.error) {
    lines.push(
      `History: one page of ${page.items} items draws ${mb(page.thumbnailsBytes)} MB of thumbnails (budget ${mb(page.budgetBytes)} MB: ${page.pass ? 'pass' : 'FAIL'}); before thumbnails the same page downloaded ${mb(page.fullImagesBytes)} MB of full images. Their ${page.items} documents add ${mb(page.documentsBytes)} MB either way (photo-like images of each model's real size and format, through the real pipeline).`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Bytes as MB (2 decimals; 1 MB = 1024 × 1024 bytes, as the budget is stated). */
function mb(bytes) {
  return Math.round((bytes / 1024 / 1024) * 100) / 100;
}

/** `{ a: 1, b: { c: 2 } }` → `a 1, b.c 2`: compact and readable for nested bench numbers. */
function describe(obj, prefix = '') {
  return Object.entries(obj)
    .map(([k, v]) => (v && typeof v === 'object' ? describe(v, `${prefix}${k}.`) : `${prefix}${k} ${v}`))
    .join(', ');
}

/** Writes markdown as the repository's Prettier config formats it, so generated files stay clean. */
async function writeFormatted(file, text) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

async function updateReadme(md) {
  const file = join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- performance:start -->';
  const end = '<!-- performance:end -->';
  const block = `${start}\n_Generated by \`npm run bench\` from bench/results.json._\n\n${md}${end}`;
  const next = readme.includes(start)
    ? readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${readme.trimEnd()}\n\n## Performance\n\n${block}\n`;
  await writeFormatted(file, next);
}
