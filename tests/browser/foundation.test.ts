/// <reference lib="dom" />
// The thin Foundation slice in a real browser: the web page and the extension side panel both
// call getCatalog through the unchanged Firebase SDK (web) and callable protocol (extension), here
// served by the local backend.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, launchWithExtension, screenshotPath } from '../harness/browser';
import { EXTENSION_E2E_DIR, WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { signInThroughPopup } from './web-sign-in';

describe('getCatalog from the web page and the side panel', () => {
  let backend: TestBackend;
  let server: Server;
  let browser: Browser;
  let ext: { context: BrowserContext; extensionId: string };

  beforeAll(async () => {
    backend = await startTestBackend('foundation');
    server = await serveWeb();
    browser = await launchBrowser();
    ext = await launchWithExtension(EXTENSION_E2E_DIR);
  });
  afterAll(async () => {
    await ext?.context.close();
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await backend?.stop();
  });

  it('the extension loads with exactly the permissions the product promises', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/sidepanel/index.html`);
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'sidePanel',
      'storage',
    ]);
    await page.close();
  });

  it('the web page lists the models returned by the callable', async () => {
    const page = await browser.newPage();
    await page.goto(`${WEB_ORIGIN}/`);
    // The Generate page's model pickers are filled from getCatalog (signed-in only).
    await signInThroughPopup(page, '[data-test=cta]', 'foundation@example.com', 'Foundation');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    await page.waitForSelector('[data-test=model-option]');
    expect(await page.locator('[data-test=model-option]').count()).toBeGreaterThanOrEqual(7);
    await page.screenshot({ path: screenshotPath('foundation-web') });
  });

  it('the side panel lists the models returned by the callable', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/sidepanel/index.html`);
    await page.waitForSelector('[data-test=signed-out]');
    // Signed in through the bridge message the web app sends (the Auth emulator accepts an
    // unsigned JSON custom token); the model picker is filled from getCatalog.
    const bridge = await ext.context.newPage();
    await bridge.goto(`${WEB_ORIGIN}/`);
    const token = JSON.stringify({ uid: `foundation-${Date.now()}` });
    const reply = await bridge.evaluate(
      ([id, t]) => chrome.runtime.sendMessage(id, { type: 'auth/token', token: t }),
      [ext.extensionId, token] as const,
    );
    expect(reply).toEqual({ ok: true });
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-test=models] option').length >= 7 ||
        document.querySelector('[data-test=error]') !== null,
    );
    expect(await page.locator('[data-test=error]').count()).toBe(0);
    expect(await page.locator('[data-test=models] option').count()).toBeGreaterThanOrEqual(7);
  });
});
