// How long the extension's content script takes to list 2,000 images, in headless Chromium with
// the built extension/dist loaded unpacked. The time is measured inside the content script: it
// is what blocks the page's main thread.
//
// Set-up, chosen to measure the extension and nothing else:
// - Chromium is started directly and DevTools attaches only to the extension's service worker,
//   which sends the requests. Nothing is attached to the page (Playwright would instrument it).
// - The page is the active tab, as it is beside the real side panel, and no panel page runs.
// Also reported: the page's first (cold) listing, the round trip as the sender sees it, and the
// side panel's share (resolving the reading into images), timed in Node on the same reading.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';
import { ROOT, importTs, median, percentile } from './lib.mjs';

export const LISTING_BUDGET_MS = 10;
const IMAGES = 2000;
const RUNS = 30;
const round = (ms) => Math.round(ms * 100) / 100;

const page = `<!doctype html><html><body>${Array.from(
  { length: IMAGES },
  (_, i) => `<img src="/img/${i}.svg" loading="lazy" width="120" height="90" alt="image ${i}">`,
).join('')}</body></html>`;
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="120" height="90" fill="#8a7fe8"/></svg>';

/** Minimal DevTools protocol client over the browser's WebSocket. */
async function connect(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
  });
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      pending.set(++id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  return { send, close: () => ws.close() };
}

async function until(what, fn, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function listingBench() {
  const dir = join(ROOT, 'extension', 'dist');
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'mimicit-bench-'));
  const browser = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `${origin}/`,
    ],
    // Its own process group, so that every helper process can be stopped at the end.
    { stdio: 'ignore', detached: true },
  );
  let cdp;
  try {
    const portFile = join(profile, 'DevToolsActivePort');
    const [port, path] = await until('DevTools', () =>
      existsSync(portFile) ? readFileSync(portFile, 'utf8').trim().split('\n').filter(Boolean) : null,
    ).then((lines) => (lines.length === 2 ? lines : until('DevTools', () => null)));
    cdp = await connect(`ws://127.0.0.1:${port}${path}`);
    const worker = await until('the service worker', async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    });
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: true,
    });
    const evaluate = async (expression) => {
      const r = await cdp.send(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (r.exceptionDetails)
        throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
      return r.result.value;
    };
    // The production build cannot read tab URLs; the page is the only tab. Wait for its content
    // script, then let the page settle (viewport images load and decode).
    await until('the content script', () =>
      evaluate(
        `chrome.tabs.query({}).then(([t]) => chrome.tabs.sendMessage(t.id, { type: 'content/ping' }).then(() => true, (e) => !/Receiving end/.test(e.message)))`,
      ).catch(
        () => false, // the worker's extension APIs are not ready yet
      ),
    );
    await sleep(1000);
    const { runs, reading } = await evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({});
      const runs = [];
      let reply;
      for (let i = 0; i < ${RUNS}; i++) {
        const sent = performance.now();
        reply = await chrome.tabs.sendMessage(tab.id, { type: 'content/list-images' });
        runs.push({ count: reply.images.length, ms: reply.ms, roundTripMs: performance.now() - sent });
      }
      return { runs, reading: { base: reply.base, images: reply.images } };
    })()`);
    if (runs.some((r) => r.count !== IMAGES)) throw new Error(`listed ${runs[0].count} of ${IMAGES} images`);

    const { resolveImages } = await importTs('extension/src/lib/resolve-images.ts');
    const resolveMs = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const images = resolveImages(reading.images, reading.base);
      resolveMs.push(performance.now() - start);
      if (images.length !== IMAGES) throw new Error(`resolved ${images.length} of ${IMAGES} images`);
    }

    const ms = runs.map((r) => r.ms);
    const medianMs = round(median(ms));
    return {
      images: IMAGES,
      runs: RUNS,
      firstMs: round(ms[0]),
      medianMs,
      p90Ms: round(percentile(ms, 90)),
      roundTripMedianMs: round(median(runs.map((r) => r.roundTripMs))),
      panelResolveMedianMs: round(median(resolveMs)),
      budgetMs: LISTING_BUDGET_MS,
      pass: medianMs <= LISTING_BUDGET_MS,
    };
  } finally {
    cdp?.close();
    const exited = new Promise((r) => (browser.exitCode === null ? browser.once('exit', r) : r()));
    try {
      process.kill(-browser.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    server.close();
    // Chromium's helper processes may still be writing to the profile for a moment.
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }
}
