/// <reference lib="dom" />
// What a person sees when the signup grant is held (Google has not verified their email) or when
// the browser check fails (App Check), in English and Japanese: the built web app in Chromium
// against a local backend that enforces App Check, with the token exchange a local fake
// (web-fake-app-check.ts) that can be told to refuse.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../harness/browser';
import { WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { fakeAppCheckExchange } from './web-fake-app-check';
import { signInThroughPopup } from './web-sign-in';
import { collections } from '@mimicit/shared';

let backend: TestBackend;
let web: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}
async function setLocale(page: Page, locale: 'en' | 'ja'): Promise<void> {
  await page.selectOption('[data-test=locale-select]', locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}
const balanceText = (page: Page) => page.locator('[data-test=balance]').textContent();

beforeAll(async () => {
  backend = await startTestBackend('web-app-check', { appCheck: 'enforce' });
  web = await serveWeb();
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await new Promise((r) => web?.close(r));
  await backend?.stop();
});

describe('App Check and the signup grant in the web app', () => {
  it('an unverified Google email gets an account but no free credits, and the page says why', async () => {
    const page = await freshPage();
    await page.goto(`${WEB_ORIGIN}/`);
    await signInThroughPopup(page, '[data-test=cta]', 'unverified@example.com', 'Unverified Person', {
      verifiedEmail: false,
    });
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    const notice = page.locator('[data-test=notice-grant-held]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Google has not confirmed');
    await expect.poll(() => balanceText(page)).toMatch(/\b0 credits\b/);
    await page.screenshot({ path: screenshotPath('web-grant-held-en'), fullPage: true });
    await setLocale(page, 'ja');
    await expect(notice.textContent()).resolves.toContain('まだ Google で確認されていません');
    await page.screenshot({ path: screenshotPath('web-grant-held-ja'), fullPage: true });
    // The account exists; the grant is owed, not given.
    const store = await backend.readStore();
    const [user] = await store.query({
      collection: collections.users.in(),
      where: [['email', '==', 'unverified@example.com']],
    });
    expect(user?.data).toMatchObject({ credits: 0, signupGranted: false });
  });

  it('when the browser check fails the account is not set up, the page says why, and Retry recovers', async () => {
    const page = await freshPage();
    const exchange = await fakeAppCheckExchange(page.context());
    exchange.accept = false;
    await page.goto(`${WEB_ORIGIN}/`);
    await signInThroughPopup(page, '[data-test=cta]', 'blocked@example.com', 'Blocked Person');
    const notice = page.locator('[data-test=notice-app-check]');
    await notice.waitFor();
    // No token could be had, so none was sent, and the backend refused with the precise reason.
    expect(exchange.calls.length).toBeGreaterThan(0);
    expect(exchange.calls.every((c) => c.issued === null)).toBe(true);
    await expect(notice.textContent()).resolves.toContain(
      'could not confirm that this request comes from its web app',
    );
    await page.screenshot({ path: screenshotPath('web-app-check-refused-en'), fullPage: true });
    await setLocale(page, 'ja');
    await expect(notice.textContent()).resolves.toContain('確認できませんでした');
    await page.screenshot({ path: screenshotPath('web-app-check-refused-ja'), fullPage: true });
    await setLocale(page, 'en');

    exchange.accept = true;
    await notice.getByRole('button').click();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => balanceText(page)).toMatch(/\b10 credits\b/);
  });
});
