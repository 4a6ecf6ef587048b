/// <reference lib="dom" />
// The extension journey in headless Chromium against local mode: the built extension, a page
// with images, the side panel listing them, sign-in through the web app's bridge page, describe
// and generate from a page image, the result in Recent results — and on the web History.
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

const EMAIL = 'extension-journey@example.com';
const clock = new StepClock();
let backend: TestBackend;
let web: Server;
let site: Server;
let base = '';
let ext: { context: BrowserContext; extensionId: string };
let panel: Page;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 480, height: 320, channels: 3, background: '#2a9d8f' } })
    .png()
    .toBuffer();
  site = createServer((req, res) => {
    if (req.url === '/article.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<!doctype html><title>Article</title><h1>A page</h1><img src="/photo.png" alt="A teal photo">',
      );
    } else if (req.url === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(photo);
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
  it('lists the images of the page in the side panel', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${base}/article.html`);
    ({ panel } = await openSidePanel(ext, `${base}/article.html`, 1000));
    await panel.waitForSelector(`[data-test=image][data-src="${base}/photo.png"]`);
    expect(await panel.locator('[data-test=image]').count()).toBe(1);
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
    await panel.click(`[data-test=image][data-src="${base}/photo.png"]`);
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

  it('generates from the page image; the picture shows in Recent results', async () => {
    await panel.selectOption('[data-test=image-model]', 'local-preview');
    await panel.click('[data-test=generate]');
    const result = panel.locator('[data-test=recent] li[data-kind=image][data-status=succeeded]');
    await result.waitFor();
    await panel.waitForFunction(
      () =>
        (document.querySelector('[data-test=recent] [data-test=result-image]') as HTMLImageElement)
          ?.naturalWidth > 0,
    );
    // Read under the rules as bytes (an object URL), never a permanent download URL.
    expect(await result.locator('img').getAttribute('src')).toMatch(/^blob:chrome-extension:/);
    await panel.screenshot({ path: screenshotPath('journey-extension-result-en'), fullPage: true });
    clock.lap('generate from the page image → Recent results');
  });

  it('shows both results on the web History', async () => {
    const history = await ext.context.newPage();
    await history.goto(`${WEB_ORIGIN}/history`);
    await history.waitForSelector('[data-test=history-item]');
    await expect.poll(() => history.locator('[data-test=history-item]').count()).toBe(2);
    await history.screenshot({ path: screenshotPath('journey-extension-web-history-en'), fullPage: true });
    await history.close();
    clock.lap('results on the web History');
  });
});
