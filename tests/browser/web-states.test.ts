// The states a new user met, in the built web app in headless Chromium against local mode (the
// Auth emulator and the local backend), each saved as a screenshot in en and ja: one call per
// triple click, the network and server errors, the checkout return page, the language save and
// account deletion. Where a state needs an answer the backend does not give on its own (a dropped
// connection, a checkout refused for a missing price, an account scheduled for deletion, a write
// that never completes), the request is answered at the network boundary with page.route.
// (The functions' own refusals are tested in functions/src; this checks how the page shows them.)
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../harness/browser';
import { WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { signInThroughPopup } from './web-sign-in';
import { setLocale } from './web-locale';

const LOCALES = ['en', 'ja'] as const;
const PURGE_AFTER = '2026-05-15T00:00:00.000Z';
/** Callable requests as the browser sends them (not the CORS preflights). */
const isCall = (name: string) => (r: Request) => r.method() === 'POST' && r.url().endsWith(`/${name}`);

/** Answers a callable with an HttpsError the way firebase-functions serializes one. */
function refuse(page: Page, name: string, status: number, error: Record<string, unknown>) {
  return page.route(`**/${name}`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error }) })
      : route.continue(),
  );
}

describe('web states a new user meets', () => {
  let backend: TestBackend;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    backend = await startTestBackend('web-states');
    server = await serveWeb();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${WEB_ORIGIN}/generate`);
    await page.waitForURL(/redirect=/);
    await signInThroughPopup(page, '[data-test=cta]', 'states-e2e@example.com', 'States Tester');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await backend?.stop();
  });

  it('a triple click on Generate is one call; a deliberate second click is another', async () => {
    const calls: Request[] = [];
    const record = (r: Request) => {
      if (isCall('generateImage')(r)) calls.push(r);
    };
    page.on('request', record);
    await page.goto(`${WEB_ORIGIN}/generate`);
    await page.waitForSelector('[data-test=model-option]');
    await page.fill('[data-test=prompt]', 'a red fox in the snow, watercolor');
    await page.check('input[name=image-model][value=local-preview]');
    const finished = page.locator('[data-test=run][aria-busy=false]');
    await page.click('[data-test=generate]', { clickCount: 3 });
    await expect.poll(() => finished.count(), { timeout: 60_000 }).toBe(1);
    expect(calls).toHaveLength(1);
    expect(await page.locator('[data-test=run]').count()).toBe(1);
    await page.click('[data-test=generate]');
    await expect.poll(() => finished.count(), { timeout: 60_000 }).toBe(2);
    expect(calls).toHaveLength(2);
    const ids = calls.map((r) => (r.postDataJSON() as { data: { requestId: string } }).data.requestId);
    expect(new Set(ids).size).toBe(2);
    page.off('request', record);
  });

  for (const locale of LOCALES) {
    it(`generate (${locale}): a dropped connection is explained, and error cards are dismissed from the keyboard`, async () => {
      await page.goto(`${WEB_ORIGIN}/generate`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-test=model-option]');
      await page.route('**/generateImage', (route) =>
        route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue(),
      );
      await page.fill('[data-test=prompt]', 'a lighthouse at dusk');
      await page.check('input[name=image-model][value=local-preview]');
      await page.click('[data-test=generate]');
      const error = page.locator('[data-test=run-error]').first();
      await error.waitFor({ timeout: 60_000 });
      expect(await error.textContent()).toContain(
        locale === 'ja' ? 'サーバーに接続できませんでした' : 'The server could not be reached',
      );
      // A 0-byte file is refused on the page.
      await page.setInputFiles('[data-test=source-file]', {
        name: 'empty.png',
        mimeType: 'image/png',
        buffer: Buffer.alloc(0),
      });
      await page.waitForSelector('[data-test=source-error]');
      expect(await page.locator('[data-test=source-error]').textContent()).toContain(
        locale === 'ja' ? '空です（0 バイト）' : 'empty (0 bytes)',
      );
      await page.screenshot({ path: screenshotPath(`web-generate-errors-${locale}`), fullPage: true });
      // Keyboard only: focus the card's Dismiss button and press Enter.
      const before = await page.locator('[data-test=run]').count();
      await page.focus('[data-test=run-dismiss]');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-test=run]').count()).toBe(before - 1);
      await page.unroute('**/generateImage');
    });
  }

  for (const locale of LOCALES) {
    it(`credits (${locale}): a refused checkout shows the server's reason, in the page's language`, async () => {
      await page.goto(`${WEB_ORIGIN}/credits`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-test=packs] li');
      const calls: Request[] = [];
      const record = (r: Request) => {
        if (isCall('createCheckoutSession')(r)) calls.push(r);
      };
      page.on('request', record);
      // As a deployment without a Stripe price for this pack and currency answers.
      await refuse(page, 'createCheckoutSession', 400, {
        status: 'FAILED_PRECONDITION',
        message: 'The starter pack cannot be bought in JPY right now (no price configured).',
        details: { reason: 'price-not-configured', packId: 'starter', currency: 'jpy' },
      });
      await page.click('[data-test=buy-starter]', { clickCount: 2 });
      const error = page.locator('[data-test=checkout-error]');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toContain(
        // The message names the pack and the currency the server refused.
        locale === 'ja'
          ? 'スターターパックは現在 JPY では購入できません'
          : 'The Starter pack cannot be bought in JPY right now',
      );
      expect(await page.locator('[data-test=buy-starter]').textContent()).toBe(
        locale === 'ja' ? 'スターターを購入' : 'Buy Starter',
      );
      expect(calls).toHaveLength(1); // The double click was one checkout.
      await page.screenshot({ path: screenshotPath(`web-credits-refused-${locale}`), fullPage: true });
      page.off('request', record);
      await page.unroute('**/createCheckoutSession');
    });
  }

  for (const locale of LOCALES) {
    it(`checkout return (${locale}): no thanks while the purchase is unconfirmed`, async () => {
      // No webhook has granted this session (yet): the page keeps waiting for its ledger entry.
      await page.goto(`${WEB_ORIGIN}/credits/success?session_id=cs_test_pending`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-test=checkout-pending]');
      expect(await page.locator('h1').textContent()).toBe(
        locale === 'ja' ? 'ご購入を確認しています' : 'Confirming your purchase',
      );
      await page.screenshot({ path: screenshotPath(`web-checkout-pending-${locale}`), fullPage: true });
    });
  }

  for (const locale of LOCALES) {
    it(`profile (${locale}): the language is "Saved" only once the write completes`, async () => {
      await page.goto(`${WEB_ORIGIN}/profile`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-test=account]');
      // A profile write that never completes (a dropped connection the browser does not notice).
      await page.route('**/local/v1/doc**', (route) =>
        route.request().method() === 'PATCH' ? undefined : route.continue(),
      );
      const other = locale === 'ja' ? 'en' : 'ja';
      await page.check(`[data-test=profile-locale-${other}]`);
      await page.waitForSelector('[data-test=locale-saving]');
      expect(await page.locator('[data-test=locale-saved]').count()).toBe(0);
      await page.waitForSelector('[data-test=locale-error]', { timeout: 30_000 });
      expect(await page.isChecked(`[data-test=profile-locale-${other}]`)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(other);
      await page.screenshot({ path: screenshotPath(`web-profile-language-error-${other}`), fullPage: true });
      await page.unroute('**/local/v1/doc**');
    });
  }

  for (const locale of LOCALES) {
    it(`account deletion (${locale}): the way back during the grace period`, async () => {
      // Signing in again during the grace period: ensureProfile refuses and names the purge date.
      await refuse(page, 'ensureProfile', 400, {
        status: 'FAILED_PRECONDITION',
        message: 'This account is scheduled for deletion.',
        details: { reason: 'account-pending-deletion', purgeAfter: PURGE_AFTER },
      });
      await page.goto(`${WEB_ORIGIN}/generate`);
      await setLocale(page, locale);
      await page.waitForSelector('[data-test=deletion-notice]');
      await page.screenshot({ path: screenshotPath(`web-deletion-notice-${locale}`), fullPage: false });
      await page.click('[data-test=deletion-notice] a');
      await page.waitForSelector('[data-test=cancel-deletion]');
      expect(await page.locator('[data-test=deletion-pending]').textContent()).toContain(
        locale === 'ja' ? '2026年5月15日に' : 'On May 15, 2026',
      );
      await page.screenshot({
        path: screenshotPath(`web-profile-deletion-pending-${locale}`),
        fullPage: true,
      });
      await page.unroute('**/ensureProfile');

      // The page after a deletion request.
      await page.goto(`${WEB_ORIGIN}/?deleted=${PURGE_AFTER}`);
      await page.waitForSelector('[data-test=account-deleted-cancel]');
      await page.screenshot({ path: screenshotPath(`web-account-deleted-${locale}`), fullPage: false });
    });
  }
});
