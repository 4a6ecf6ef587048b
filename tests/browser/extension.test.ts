/// <reference lib="dom" />
// The built extension (e2e mode: local mode, dev origins allowed) in headless Chromium:
// image grid of a real page, reading bytes in the page, the context menu handler, the external
// message origin check, sign-in through the bridge in both languages, sign-out, and the
// content script's cost (2,000 images, no listeners).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension, openSidePanel, screenshotPath, tabIdOf } from '../harness/browser';
import { EXTENSION_E2E_DIR, WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { CATALOG_ROUTE, greyOutModels } from '../harness/catalog-route';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { sendFromPage as sendFromMessagePage } from './extension-messages';

const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const svg = (w: number, h: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#8a7fe8"/><circle cx="50%" cy="50%" r="30%" fill="#f5c542"/></svg>`;

const PAGE = `<!doctype html><html><head><title>Fixture</title></head><body>
<img src="/img/plain-300x200.svg" alt="Plain photo">
<img src="/img/plain-300x200.svg" alt="Duplicate">
<img src="/img/small-200x150.svg" srcset="/img/small-200x150.svg 200w, /img/big-800x600.svg 800w" sizes="200px" alt="Responsive">
<img src="${PLACEHOLDER}" data-src="/img/lazy-400x300.svg" width="200" height="150" alt="Lazy">
<picture><source type="image/svg+xml" srcset="/img/pic-640x480.svg 640w, /img/picbig-1280x960.svg 1280w">
  <img src="/img/picfallback-320x240.svg" width="160" height="120" alt="Picture"></picture>
<img src="/protected/photo.png" alt="Hotlink protected">
<img id="blob" width="120" height="120" alt="Made by the page">
<img src="/img/hidden-300x200.svg" style="display:none">
<div style="display:none"><img src="/img/hiddenparent-300x200.svg"></div>
<img src="/img/invisible-300x200.svg" style="visibility:hidden">
<div style="opacity:0"><img src="/img/transparent-300x200.svg"></div>
<img src="/img/icon-16x16.svg">
<img src="/img/pixel-1x1.svg" width="1" height="1">
<img src="/img/stretched-1x1.svg" width="100" height="100">
<img src="${PLACEHOLDER}" width="100" height="100">
<button id="control">control</button>
<script>
  document.getElementById('control').addEventListener('click', () => {});
  const c = document.createElement('canvas'); c.width = 120; c.height = 120;
  const g = c.getContext('2d'); g.fillStyle = '#2a9d8f'; g.fillRect(0, 0, 120, 120);
  c.toBlob((b) => { document.getElementById('blob').src = URL.createObjectURL(b); document.title = 'ready'; });
</script></body></html>`;

const MANY = `<!doctype html><html><body>${Array.from(
  { length: 2000 },
  // Distinct relative URLs (the slower case: each is resolved); lazy, so only the first screen loads.
  (_, i) => `<img src="/img/n${i}-120x90.svg" loading="lazy" width="120" height="90" alt="image ${i}">`,
).join('')}</body></html>`;

/** Listeners Playwright's injected utility script puts on `window` of every page it drives. */
const PLAYWRIGHT_LISTENERS = new Set(
  'mousemove pointerdown pointerup touchstart touchend touchcancel mousedown mouseup click auxclick dblclick contextmenu __playwright_global_listeners_check__'.split(
    ' ',
  ),
);

let backend: TestBackend;
let fixture: Server;
let web: Server;
let base = '';
let ext: { context: BrowserContext; extensionId: string };
let worker: Worker;
let page: Page;
let panel: Page;
let tabId = 0;
let protectedPng: Buffer;

const sendFromPage = (origin: string, message: unknown, path = '/') =>
  sendFromMessagePage(ext, origin, message, path);

async function gridSources(): Promise<string[]> {
  return panel
    .locator('[data-test=image]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-src') ?? ''));
}

async function setLanguage(lang: 'en' | 'ja'): Promise<void> {
  await panel.selectOption('[data-test=language]', lang);
  await panel.waitForFunction(
    (l) => document.querySelector('[data-test=refresh]')?.textContent?.trim() === l,
    lang === 'ja' ? '再読み込み' : 'Refresh',
  );
}

beforeAll(async () => {
  protectedPng = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#e76f51' } })
    .png()
    .toBuffer();
  fixture = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const size = /-(\d+)x(\d+)\.svg$/.exec(url.pathname);
    if (url.pathname === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else if (url.pathname === '/many.html') res.writeHead(200, { 'content-type': 'text/html' }).end(MANY);
    else if (size)
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg(Number(size[1]), Number(size[2])));
    else if (url.pathname === '/protected/photo.png') {
      // Hotlink protection: only requests referred by this site get the file.
      const ok = (req.headers.referer ?? '').startsWith(
        `http://127.0.0.1:${(fixture.address() as AddressInfo).port}/`,
      );
      if (ok) res.writeHead(200, { 'content-type': 'image/png' }).end(protectedPng);
      else res.writeHead(403).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => fixture.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(fixture.address() as AddressInfo).port}`;
  // Keys set as in production: these tests show the catalog's operator states (switched off,
  // retired) and a refusal for credits, which comes before any provider is asked.
  backend = await startTestBackend('extension', { providerKeys: true });
  web = await serveWeb();
  ext = await launchWithExtension(EXTENSION_E2E_DIR);
  worker = ext.context.serviceWorkers()[0]!;
  page = await ext.context.newPage();
  await page.goto(`${base}/page.html`);
  await page.waitForFunction(() => document.title === 'ready');
  ({ panel, tabId } = await openSidePanel(ext, `${base}/page.html`));
});
afterAll(async () => {
  await ext?.context.close();
  await new Promise((r) => web?.close(r));
  await new Promise((r) => fixture?.close(r));
  await backend?.stop();
});

describe('extension in Chromium', () => {
  it('the side panel grid lists the visible images of the tab, once each, at their best URL', async () => {
    expect(tabId).toBeGreaterThan(0);
    await panel.waitForSelector('[data-test=image]');
    const sources = await gridSources();
    expect(sources.slice(0, 6)).toEqual(
      [
        '/img/plain-300x200.svg',
        '/img/big-800x600.svg',
        '/img/lazy-400x300.svg',
        '/img/picbig-1280x960.svg',
        '/protected/photo.png',
      ]
        .map((p) => `${base}${p}`)
        .concat([expect.stringMatching(/^blob:http:\/\/127\.0\.0\.1:\d+\//) as unknown as string]),
    );
    expect(sources).toHaveLength(6);
    // Each tile shows the pixels of the image that will be sent (none while unknown: the lazy one).
    const sizes = await panel
      .locator('[data-test=image]')
      .evaluateAll((els) => els.map((e) => e.querySelector('[data-test=image-size]')?.textContent ?? ''));
    expect(sizes).toEqual(['300×200', '800×600', '', '1280×960', '160×120', '120×120']);
    await panel.waitForSelector('[data-test=signed-out]');
    await panel.screenshot({ path: screenshotPath('extension-signed-out-en'), fullPage: true });
  });

  it('reads the bytes of images the server cannot fetch (page blob:, hotlink-protected)', async () => {
    const [blobSrc] = (await gridSources()).filter((s) => s.startsWith('blob:'));
    const replies = await panel.evaluate(
      async ([tab, urls]) =>
        Promise.all(
          urls.map((url) => chrome.tabs.sendMessage(tab as number, { type: 'content/read-image', url })),
        ),
      [tabId, [blobSrc, `${base}/protected/photo.png`, `${base}/missing.png`]] as const,
    );
    expect(replies[0]).toMatchObject({
      ok: true,
      dataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(replies[1]).toEqual({
      ok: true,
      dataUrl: `data:image/png;base64,${protectedPng.toString('base64')}`,
    });
    expect(replies[2]).toEqual({ ok: false, reason: 'image-unreadable' });
    // Without the page's referer the server refuses it: why the bytes come from the page.
    expect((await fetch(`${base}/protected/photo.png`)).status).toBe(403);
  });

  it('the context menu handler picks the image as the next reference (also one the grid skipped)', async () => {
    const click = (srcUrl: string) =>
      worker.evaluate(
        async ([src, tab]) => {
          const hook = (
            globalThis as unknown as {
              mimicitTest: { onContextMenuClick: (...a: unknown[]) => Promise<boolean> };
            }
          ).mimicitTest;
          return hook.onContextMenuClick(
            { menuItemId: 'mimicit-mimic-image', srcUrl: src },
            { id: tab, windowId: 1 },
          );
        },
        [srcUrl, tabId] as const,
      );
    expect(await click(`${base}/img/lazy-400x300.svg`)).toBe(true);
    await panel.waitForSelector(
      `[data-test=image][aria-pressed=true][data-src="${base}/img/lazy-400x300.svg"]`,
    );
    expect(await click(`${base}/img/icon-16x16.svg`)).toBe(true);
    await panel.waitForSelector(
      `[data-test=image][aria-pressed=true][data-src="${base}/img/icon-16x16.svg"]`,
    );
    // "Mimic this image" adds to the picked references, in the order chosen.
    const picked = await panel
      .locator('[data-test=image][aria-pressed=true]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-src'), e.querySelector('[data-test=image-order]')?.textContent]),
      );
    expect(picked).toEqual([
      [`${base}/img/icon-16x16.svg`, '2'],
      [`${base}/img/lazy-400x300.svg`, '1'],
    ]);
    // A second click unpicks; the rest move up.
    await panel.click(`[data-test=image][data-src="${base}/img/lazy-400x300.svg"]`);
    await panel.waitForSelector(
      `[data-test=image][aria-pressed=true][data-src="${base}/img/icon-16x16.svg"] >> [data-test=image-order] >> text=1`,
    );
    await panel.click(`[data-test=image][data-src="${base}/img/icon-16x16.svg"]`);
    expect(await panel.locator('[data-test=image][aria-pressed=true]').count()).toBe(0);
  });

  it('accepts external messages from the app origin only', async () => {
    expect(await sendFromPage(WEB_ORIGIN, { type: 'credits/changed', credits: 5 })).toEqual({ ok: true });
    expect(await sendFromPage(WEB_ORIGIN, { type: 'auth/steal-token' })).toEqual({
      ok: false,
      error: 'invalid-message',
    });
    const other = base.replace('127.0.0.1', 'localhost');
    const refused = await sendFromPage(other, { type: 'auth/signed-out' }, '/page.html');
    // Chrome itself gives pages outside externally_connectable no way to reach the extension.
    expect(refused).not.toEqual({ ok: true });
    // And the worker's own check refuses that origin even if a message got through.
    const verdict = await worker.evaluate(async (origin) => {
      const hook = (
        globalThis as unknown as {
          mimicitTest: {
            onExternalMessage: (...a: unknown[]) => Promise<unknown>;
            ALLOWED_ORIGINS: string[];
          };
        }
      ).mimicitTest;
      return hook.onExternalMessage(
        { type: 'auth/signed-out' },
        { origin, url: `${origin}/` },
        hook.ALLOWED_ORIGINS,
      );
    }, other);
    expect(verdict).toEqual({ ok: false, error: 'origin-not-allowed' });
  });

  it('signs in with a custom token from the app origin, in both languages, and stays signed in', async () => {
    await setLanguage('ja');
    await panel.waitForSelector('[data-test=signed-out]');
    await panel.screenshot({ path: screenshotPath('extension-signed-out-ja'), fullPage: true });

    // The Auth emulator accepts an unsigned JSON custom token; production tokens come from
    // createExtensionToken on the web app's bridge page, through the same message.
    const uid = `ext-e2e-${Date.now()}`;
    const token = JSON.stringify({ uid });
    expect(await sendFromPage(WEB_ORIGIN, { type: 'auth/token', token })).toEqual({ ok: true });
    await panel.waitForSelector('[data-test=sign-out]');
    // The web app creates the profile (ensureProfile) when the person signs in there with Google;
    // this token skipped the web app, so the profile is created here, as it would have been.
    await backend.callAs(uid, 'ensureProfile', {}, { email: `${uid}@example.com`, email_verified: true });
    await panel.waitForFunction(() => document.querySelectorAll('[data-test=models] option').length >= 7);
    await panel.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-test=credits]')?.textContent ?? ''),
    );
    expect(await panel.locator('[data-test=error]').count()).toBe(0);
    expect(await panel.locator('[data-test=credits]').textContent()).toMatch(/\d+ クレジット/);
    await panel.screenshot({ path: screenshotPath('extension-signed-in-ja'), fullPage: true });

    await setLanguage('en');
    expect(await panel.locator('[data-test=credits]').textContent()).toMatch(/\d+ credits/);
    await panel.screenshot({ path: screenshotPath('extension-signed-in-en'), fullPage: true });

    // Auth lives in the panel's indexedDB: a fresh panel (as after a browser restart) is signed in.
    await panel.reload();
    await panel.waitForSelector('[data-test=sign-out]');
    // The language setting persisted in chrome.storage.local.
    expect(await panel.locator('[data-test=language]').inputValue()).toBe('en');
  });

  it('lists models the catalog greys out as disabled, with the reason, in both languages', async () => {
    await greyOutModels(panel);
    await panel.reload();
    await panel.waitForFunction(
      () => document.querySelectorAll('[data-test=image-model] option[disabled]').length === 2,
    );
    const option = (id: string) => panel.locator(`[data-test=image-model] option[value=${id}]`).textContent();
    await expect(option('gpt-image')).resolves.toBe('GPT Image 2 — retired by its provider');
    await expect(option('flux-2')).resolves.toBe('FLUX.2 [pro] — switched off for now');
    await expect(option('gemini-image')).resolves.toMatch(/^Nano Banana 2 .* · 3 credits at 1K$/);
    // A closed native select shows one option: open it as a list box for the screenshot.
    const shoot = async (name: string) => {
      const select = panel.locator('[data-test=image-model]');
      await select.evaluate((el: HTMLSelectElement) => (el.size = el.options.length));
      await select.screenshot({ path: screenshotPath(name) });
      await select.evaluate((el: HTMLSelectElement) => (el.size = 0));
    };
    await shoot('extension-models-unavailable-en');
    await setLanguage('ja');
    await expect(option('gpt-image')).resolves.toBe('GPT Image 2 — 提供終了');
    await expect(option('gemini-image')).resolves.toMatch(/^Nano Banana 2 .* · 1K で 3 クレジット$/);
    await shoot('extension-models-unavailable-ja');
    await setLanguage('en');
    await panel.unroute(CATALOG_ROUTE);
    await panel.reload();
    await panel.waitForSelector('[data-test=sign-out]');
  });

  it('describe sends the bytes read in the page when the server cannot fetch the URL', async () => {
    // 127.0.0.1 is not a public address, so the server refuses the URL ("url-not-allowed") and
    // the panel retries with the bytes its content script reads (with the page's referer, past
    // the hotlink protection): the prompt describes exactly that picture.
    await panel.click(`[data-test=image][data-src="${base}/protected/photo.png"]`);
    await panel.selectOption('[data-test=prompt-model]', 'local-preview');
    await panel.click('[data-test=describe]');
    const done = panel.locator('[data-test=recent] li[data-kind=prompt][data-status=succeeded]');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/landscape composition \(160×120/);
    expect(await panel.locator('[data-test=error]').count()).toBe(0);
    await panel.screenshot({ path: screenshotPath('extension-described-en'), fullPage: true });
  });

  it('explains a dropped connection in the panel language, and the error can be dismissed', async () => {
    await panel.route('**/describeImage', (route) =>
      route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue(),
    );
    await setLanguage('ja');
    await panel.click('[data-test=describe]');
    await panel.waitForSelector('[data-test=error]');
    expect(await panel.locator('[data-test=error]').textContent()).toContain(
      'サーバーに接続できませんでした',
    );
    await panel.screenshot({ path: screenshotPath('extension-describe-error-ja'), fullPage: true });
    await setLanguage('en');
    expect(await panel.locator('[data-test=error]').textContent()).toContain(
      'The server could not be reached',
    );
    await panel.screenshot({ path: screenshotPath('extension-describe-error-en'), fullPage: true });
    await panel.click('[data-test=error-dismiss]');
    await panel.waitForSelector('[data-test=error]', { state: 'detached' });
    await panel.unroute('**/describeImage');
  });

  it('sign-out clears the signed-in state', async () => {
    await panel.click('[data-test=sign-out]');
    await panel.waitForSelector('[data-test=signed-out]');
    expect(await panel.locator('[data-test=recent], [data-test=credits]').count()).toBe(0);
    const session = await panel.evaluate(() => chrome.storage.session.get(null));
    expect(Object.keys(session)).toEqual([]);
  });

  it('lists 2,000 images and adds no DOM listeners to the page', async () => {
    // Timing is the benchmark's job (`npm run bench`); this checks the listing is complete.
    const many = await ext.context.newPage();
    await many.goto(`${base}/many.html`);
    const manyTab = await tabIdOf(ext.context, `${base}/many.html`);
    const reply = await panel.evaluate(
      (tab) =>
        chrome.tabs.sendMessage(tab, { type: 'content/list-images' }) as Promise<{
          base: string;
          images: { current: string; src: string }[];
        }>,
      manyTab,
    );
    expect(reply.images).toHaveLength(2000);
    expect(reply.base).toBe(`${base}/many.html`);
    await many.close();

    // Every listener on the fixture page, from every world (content scripts included), via CDP,
    // each with the URL of the script that added it.
    const cdp = await ext.context.newCDPSession(page);
    const scripts = new Map<string, string>();
    cdp.on('Debugger.scriptParsed', (e) => scripts.set(e.scriptId, e.url));
    await cdp.send('Debugger.enable');
    const listeners = async (expression: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId!,
        depth: -1,
        pierce: true,
      });
      return found.map((l) => ({ type: l.type, script: scripts.get(l.scriptId) ?? l.scriptId }));
    };
    const all = [...(await listeners('window')), ...(await listeners('document'))];
    console.info(`listeners on the fixture page: ${JSON.stringify(all)}`);
    // The content script is visible to the debugger, so a listener it added would carry its URL.
    expect([...scripts.values()].some((u) => u.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(
      true,
    );
    // What remains: the page's own control listener and Playwright's global input listeners
    // (its utility world, empty script URL). Nothing from the extension.
    const foreign = all.filter(
      (l) => l.script !== `${base}/page.html` && !(l.script === '' && PLAYWRIGHT_LISTENERS.has(l.type)),
    );
    expect(foreign).toEqual([]);
    // The page's own control listener proves the query sees listeners at all.
    expect(all).toContainEqual({ type: 'click', script: `${base}/page.html` });
  });
});
