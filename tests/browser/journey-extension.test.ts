/// <reference lib="dom" />
// The extension journey in headless Chromium against local mode: the built extension, a page
// with images (an <img>, a CSS background picture, an image in an open shadow root, and a
// patterned background that is not a picture), the side panel listing them, sign-in through the
// web app's bridge page, describe a page image, then pick three images as subject, scene and
// style and generate with the local preview model; the result in Recent results as a thumbnail
// (its full image on open), reproduced with the same seed and varied with a new one — and all
// of it on the web History.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension, openSidePanel, screenshotPath } from '../harness/browser';
import { EXTENSION_E2E_DIR, WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { StepClock } from './journey-steps';
import { signInThroughPopup } from './web-sign-in';
import { setLocale } from './web-locale';

const EMAIL = 'extension-journey@example.com';
const clock = new StepClock();
let backend: TestBackend;
let web: Server;
let site: Server;
let base = '';
let ext: { context: BrowserContext; extensionId: string };
let panel: Page;

const ARTICLE = `<!doctype html><title>Article</title>
<style>
  .hero { width: 480px; height: 240px; background: url(/scene.png) center / cover no-repeat }
  .texture { width: 480px; height: 120px; background: url(/dots.png) }
</style>
<h1>A page</h1>
<img src="/photo.png" alt="A teal photo">
<div class="hero"></div>
<div class="texture"></div>
<painting-card></painting-card>
<script>
  customElements.define('painting-card', class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML = '<img src="/style.png" alt="A purple painting">';
    }
  });
</script>`;

const tile = (path: string) => `[data-test=image][data-src="${base}${path}"]`;
const roleOf = (path: string) => `li:has(${tile(path)}) [data-test=role]`;
const results = () =>
  panel.locator('[data-test=recent] [data-test=result][data-kind=image][data-status=succeeded]');

async function setLanguage(lang: 'en' | 'ja'): Promise<void> {
  await panel.selectOption('[data-test=language]', lang);
  await panel.waitForFunction(
    (l) => document.querySelector('[data-test=refresh]')?.textContent?.trim() === l,
    lang === 'ja' ? '再読み込み' : 'Refresh',
  );
}

/**
 * Both languages of the panel as it is now, looked at in full (`fullPage: false` for a dialog:
 * a full-page capture draws fixed layers where the viewport happened to be).
 */
async function shootBoth(name: string, fullPage = true): Promise<void> {
  for (const lang of ['ja', 'en'] as const) {
    await setLanguage(lang);
    await panel.screenshot({ path: screenshotPath(`${name}-${lang}`), fullPage });
  }
}

/** The seed shown on a result, and a digest of its thumbnail's bytes (read in the panel). */
async function resultFacts(id: string): Promise<{ seed: string; thumbDigest: string; thumbWidth: number }> {
  const item = panel.locator(`[data-test=result][data-id="${id}"]`);
  await item.locator('[data-test=result-image]').waitFor();
  await panel.waitForFunction(
    (i) =>
      (
        document.querySelector(
          `[data-test=result][data-id="${i}"] [data-test=result-image]`,
        ) as HTMLImageElement
      )?.naturalWidth > 0,
    id,
  );
  const seed = (await item.locator('[data-test=seed-value]').textContent()) ?? '';
  const { thumbDigest, thumbWidth } = await item.locator('[data-test=result-image]').evaluate(async (img) => {
    const bytes = await (await fetch((img as HTMLImageElement).src)).arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return {
      thumbDigest: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
      thumbWidth: (img as HTMLImageElement).naturalWidth,
    };
  });
  return { seed, thumbDigest, thumbWidth };
}

/** Clicks `button` and waits for the new image result it starts; returns its id. */
async function newResultAfter(click: () => Promise<void>): Promise<string> {
  const before = await results().count();
  await click();
  await expect.poll(() => results().count(), { timeout: 30_000 }).toBe(before + 1);
  return (await results().first().getAttribute('data-id'))!;
}

beforeAll(async () => {
  const solid = (background: string) =>
    sharp({ create: { width: 480, height: 320, channels: 3, background } })
      .png()
      .toBuffer();
  const files: Record<string, Buffer> = {
    '/photo.png': await solid('#2a9d8f'),
    '/scene.png': await solid('#e9c46a'),
    '/style.png': await solid('#7b2cbf'),
    '/dots.png': await sharp({ create: { width: 12, height: 12, channels: 3, background: '#cccccc' } })
      .png()
      .toBuffer(),
  };
  site = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (req.url === '/article.html') res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
    else if (file) res.writeHead(200, { 'content-type': 'image/png' }).end(file);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  backend = await startTestBackend('journey-extension');
  web = await serveWeb();
  ext = await launchWithExtension(EXTENSION_E2E_DIR);
});
afterAll(async () => {
  console.info(clock.report('extension journey'));
  await ext?.context.close();
  await new Promise((r) => web?.close(r));
  await new Promise((r) => site?.close(r));
  await backend?.stop();
});

describe('extension journey in local mode', () => {
  it('lists the page’s pictures: an <img>, a CSS background and one in a shadow root, not the texture', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${base}/article.html`);
    ({ panel } = await openSidePanel(ext, `${base}/article.html`, 1000));
    await panel.waitForSelector(tile('/style.png'));
    const listed = await panel
      .locator('[data-test=image]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-src')));
    expect(listed).toEqual(['/photo.png', '/scene.png', '/style.png'].map((p) => `${base}${p}`));
    // The background's pixel size is learnt once the panel has loaded it.
    await expect
      .poll(() => panel.locator(`${tile('/scene.png')} [data-test=image-size]`).textContent())
      .toBe('480×320');
    clock.lap('extension loaded → page images listed');
  });

  it('signs in through the web app’s bridge page', async () => {
    await panel.waitForSelector('[data-test=signed-out]');
    const [bridge] = await Promise.all([
      ext.context.waitForEvent('page'),
      panel.click('[data-test=sign-in]'),
    ]);
    await bridge.waitForURL(`${WEB_ORIGIN}/extension/connect?ext=${ext.extensionId}`);
    await bridge.waitForSelector('[data-test=bridge-sign-in]:not([disabled])');
    await signInThroughPopup(bridge, '[data-test=bridge-sign-in]', EMAIL, 'Extension Person');
    await bridge.waitForSelector('[data-test=bridge-connected]');
    await panel.waitForSelector('[data-test=sign-out]');
    await panel.waitForFunction(() =>
      /10/.test(document.querySelector('[data-test=credits]')?.textContent ?? ''),
    );
    await bridge.close();
    clock.lap('sign in through the web bridge');
  });

  it('describes a page image with the local model', async () => {
    await panel.click(tile('/photo.png'));
    await panel.selectOption('[data-test=prompt-model]', 'local-preview');
    await panel.click('[data-test=describe]');
    await panel.waitForFunction(() =>
      /composition/.test((document.querySelector('[data-test=prompt]') as HTMLTextAreaElement)?.value ?? ''),
    );
    const recent = panel.locator('[data-test=recent] li[data-kind=prompt][data-status=succeeded]');
    await recent.waitFor();
    expect(await recent.textContent()).toMatch(/landscape composition \(480×320/);
    await panel.waitForFunction(() =>
      /\b9\b/.test(document.querySelector('[data-test=credits]')?.textContent ?? ''),
    );
    clock.lap('describe a page image');
  });

  it('picks three page images as subject, scene and style, and sees the total before generating', async () => {
    await panel.selectOption('[data-test=image-model]', 'local-preview');
    await panel.click(tile('/scene.png'));
    // Keyboard: focus the tile and press Space, as a person without a mouse would.
    await panel.focus(tile('/style.png'));
    await panel.keyboard.press('Space');
    const orders = await panel
      .locator('[data-test=image-order]')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    expect(orders).toEqual(['1', '2', '3']);
    await panel.selectOption(roleOf('/photo.png'), 'subject');
    await panel.selectOption(roleOf('/scene.png'), 'scene');
    await panel.selectOption(roleOf('/style.png'), 'style');
    expect(await panel.locator('[data-test=reference-count]').textContent()).toBe('3 of 4');
    expect(
      await panel.locator('[data-test=reference-role]').evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['Subject', 'Scene', 'Style']);
    expect(await panel.locator('[data-test=total]').textContent()).toBe(
      'Total: 1 credit (one image at 1K, references: 3)',
    );
    expect(await panel.locator('[data-test=generate]').textContent()).toContain('1 credit');
    await shootBoth('journey-extension-three-references');
    clock.lap('pick subject, scene and style');
  });

  let first = '';
  let firstFacts: Awaited<ReturnType<typeof resultFacts>>;

  it('generates with the three references; the result shows as a thumbnail with its seed', async () => {
    first = await newResultAfter(() => panel.click('[data-test=generate]'));
    firstFacts = await resultFacts(first);
    expect(firstFacts.seed).toMatch(/^Seed \d+$/);
    // A thumbnail (320 px on its long side), read under the rules as bytes, not the 1024 px image.
    expect(firstFacts.thumbWidth).toBe(320);
    expect(await results().first().locator('[data-test=result-image]').getAttribute('src')).toMatch(
      /^blob:chrome-extension:/,
    );
    await shootBoth('journey-extension-result');
    clock.lap('generate with three references → Recent results');
  });

  it('opens the full image on demand', async () => {
    await results().first().locator('[data-test=result-open]').click();
    const full = panel.locator('[data-test=viewer] [data-test=result-image]');
    await full.waitFor();
    await panel.waitForFunction(
      () =>
        (document.querySelector('[data-test=viewer] [data-test=result-image]') as HTMLImageElement)
          ?.naturalWidth > 0,
    );
    expect(await full.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1024);
    await shootBoth('journey-extension-full-image', false);
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('[data-test=viewer]', { state: 'detached' });
    clock.lap('open the full image');
  });

  it('reproduces it with the same seed (the same picture) and varies it with a new one', async () => {
    const reproduced = await newResultAfter(() =>
      panel.locator(`[data-test=result][data-id="${first}"] [data-test=reproduce]`).click(),
    );
    const again = await resultFacts(reproduced);
    expect(again.seed).toBe(firstFacts.seed);
    expect(again.thumbDigest).toBe(firstFacts.thumbDigest);

    const varied = await newResultAfter(() =>
      panel.locator(`[data-test=result][data-id="${first}"] [data-test=vary]`).click(),
    );
    const other = await resultFacts(varied);
    expect(other.seed).toMatch(/^Seed \d+$/);
    expect(other.seed).not.toBe(firstFacts.seed);
    expect(other.thumbDigest).not.toBe(firstFacts.thumbDigest);
    await panel.waitForFunction(() =>
      /\b6\b/.test(document.querySelector('[data-test=credits]')?.textContent ?? ''),
    );
    await shootBoth('journey-extension-reproduced-varied');
    clock.lap('reproduce (same seed) and vary (new seed)');
  });

  it('shows every result on the web History, images as thumbnails', async () => {
    const history = await ext.context.newPage();
    await history.goto(`${WEB_ORIGIN}/history`);
    await history.waitForSelector('[data-test=history-item]');
    await expect.poll(() => history.locator('[data-test=history-item]').count()).toBe(4);
    // The three images drawn from their thumbnails (320 px on the long side), not the 1024 px images.
    const widths = () =>
      history
        .locator('[data-test=history-item] img')
        .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    await expect.poll(widths).toEqual([320, 320, 320]);
    await history.screenshot({ path: screenshotPath('journey-extension-web-history-en'), fullPage: true });
    await setLocale(history, 'ja');
    await history.screenshot({ path: screenshotPath('journey-extension-web-history-ja'), fullPage: true });
    await history.close();
    clock.lap('results on the web History');
  });
});
