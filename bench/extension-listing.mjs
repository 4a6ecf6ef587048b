// Time the extension's content script takes to list 2,000 images in headless Chromium (the
// built extension/dist loaded unpacked; the time is measured inside the content script).
/* global chrome */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, median } from './lib.mjs';

export const LISTING_BUDGET_MS = 10;
const IMAGES = 2000;
const RUNS = 15;

const page = `<!doctype html><html><body>${Array.from(
  { length: IMAGES },
  (_, i) => `<img src="/img/${i}.svg" loading="lazy" width="120" height="90" alt="image ${i}">`,
).join('')}</body></html>`;
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="120" height="90" fill="#8a7fe8"/></svg>';

export async function listingBench() {
  const dir = join(ROOT, 'extension', 'dist');
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'mimicit-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    // The production build cannot read tab URLs: the page gets the first tab, the panel the other.
    const target = context.pages()[0] ?? (await context.newPage());
    await target.goto(`${origin}/`);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html`);
    const runs = await panel.evaluate(
      async ({ runs }) => {
        const self = await chrome.tabs.getCurrent();
        const tab = (await chrome.tabs.query({})).find((t) => t.id !== self?.id);
        const out = [];
        for (let i = 0; i < runs; i++) {
          const reply = await chrome.tabs.sendMessage(tab.id, { type: 'content/list-images' });
          out.push({ count: reply.images.length, ms: reply.ms });
        }
        return out;
      },
      { runs: RUNS },
    );
    if (runs.some((r) => r.count !== IMAGES)) throw new Error(`listed ${runs[0].count} of ${IMAGES} images`);
    const ms = runs.map((r) => r.ms);
    const medianMs = Math.round(median(ms) * 100) / 100;
    return {
      images: IMAGES,
      runs: RUNS,
      medianMs,
      budgetMs: LISTING_BUDGET_MS,
      pass: medianMs <= LISTING_BUDGET_MS,
    };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
