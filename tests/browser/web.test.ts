// The built web dashboard in headless Chromium against local mode (the Auth emulator and the
// local backend): every page in both languages, guards, cookies, errors and the phone layout.
// The whole journey through the product is journey-web.test.ts.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../harness/browser';
import { WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { signInThroughPopup } from './web-sign-in';
import { setLocale } from './web-locale';
import { CATALOG_ROUTE, greyOutModels } from '../harness/catalog-route';

/** Each page and the selector that says it has settled (content, empty or error state). */
const PAGES: { name: string; path: string; settled: string }[] = [
  { name: 'generate', path: '/generate', settled: '[data-test=model-option]' },
  {
    name: 'history',
    path: '/history',
    settled: '[data-test=state-error], [data-test=state-empty], [data-test=history-item]',
  },
  {
    name: 'history-detail',
    path: '/history/abc123',
    settled: '[data-test=state-error], [data-test=state-empty]',
  },
  { name: 'credits', path: '/credits', settled: '[data-test=packs] li' },
  {
    name: 'checkout-success',
    // A session nobody paid: the page waits for its credits (the journey pays a real one).
    path: '/credits/success?session_id=cs_test_123',
    settled: '[data-test=checkout-error], [data-test=checkout-credited], [role=status]',
  },
  { name: 'checkout-cancel', path: '/credits/cancel', settled: '[data-test=cancel-body]' },
  { name: 'profile', path: '/profile', settled: '[data-test=account], [data-test=state-error]' },
  { name: 'privacy', path: '/privacy', settled: 'h2' },
  { name: 'terms', path: '/terms', settled: 'h2' },
  {
    name: 'extension-connect',
    path: '/extension/connect?ext=not-an-id',
    settled: '[data-test=bridge-bad-id]',
  },
  { name: 'not-found', path: '/no-such-page', settled: 'h1' },
];

describe('web dashboard', () => {
  let backend: TestBackend;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    // Keys set as in production: these tests show the catalog's operator states (switched off,
    // retired) and a refusal for credits, which comes before any provider is asked.
    backend = await startTestBackend('web', { providerKeys: true });
    server = await serveWeb();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await backend?.stop();
  });

  describe('signed out', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('explains the product on the landing page and guards private pages', async () => {
      await page.goto(`${WEB_ORIGIN}/`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Any image on the web');
      await page.screenshot({ path: screenshotPath('web-landing-en'), fullPage: true });
      await page.goto(`${WEB_ORIGIN}/history`);
      await page.waitForURL(/\/\?redirect=(%2F|\/)history$/);
      await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('Please sign in');
    });

    it('switches language, sets only the locale cookie (SameSite=Lax) and remembers it', async () => {
      await page.goto(`${WEB_ORIGIN}/`);
      await setLocale(page, 'ja');
      await expect(page.locator('h1').textContent()).resolves.toContain('ウェブで見つけた画像');
      const cookies = await context.cookies(WEB_ORIGIN);
      expect(cookies.map((c) => c.name)).toEqual(['mimicit-locale']);
      expect(cookies[0]).toMatchObject({ value: 'ja', sameSite: 'Lax', secure: false, path: '/' });
      await page.screenshot({ path: screenshotPath('web-landing-ja'), fullPage: true });
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toContain('ウェブで見つけた画像');
      await setLocale(page, 'en');
    });
  });

  describe('signed in', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      await page.goto(`${WEB_ORIGIN}/history`);
      await page.waitForURL(/redirect=/);
      await signInThroughPopup(page, '[data-test=cta]', 'web-e2e@example.com', 'Web Tester');
      // Back to the page the guard stopped.
      await page.waitForURL(`${WEB_ORIGIN}/history`);
    });
    afterAll(() => context?.close());

    it('navigates with the header and shows the balance ensureProfile returned', async () => {
      for (const name of ['generate', 'credits', 'profile', 'history']) {
        await page.click(`[data-test=nav-${name}]`);
        await page.waitForURL(`${WEB_ORIGIN}/${name}`);
      }
      await page.waitForSelector('[data-test=balance]');
      await expect(page.locator('[data-test=balance]').textContent()).resolves.toMatch(/\d+ credits/);
    });

    it('shows the insufficient-credits message when the server refuses to charge', async () => {
      await page.goto(`${WEB_ORIGIN}/generate`);
      await page.waitForSelector('[data-test=model-option]');
      await page.fill('[data-test=prompt]', 'a red fox in the snow, watercolor');
      // Four GPT Image pictures cost 24 credits at 1K; a new account has 10.
      await page.locator('[data-test=model-option]', { hasText: 'GPT Image 2' }).click();
      await page.selectOption('[data-test=count]', '4');
      await expect(page.locator('[data-test=total-cost]').textContent()).resolves.toContain('24');
      // At 2K GPT Image 2 costs 10 a picture: the total follows the price the server charges.
      await page.selectOption('[data-test=resolution]', '2k');
      await expect(page.locator('[data-test=total-cost]').textContent()).resolves.toContain('40');
      await page.click('[data-test=generate]');
      const error = page.locator('[data-test=run-error]');
      await error.waitFor({ timeout: 60_000 });
      await expect(error.textContent()).resolves.toContain('Not enough credits');
      await page.screenshot({ path: screenshotPath('web-generate-insufficient-en'), fullPage: true });
    });

    it('a new account sees an empty History and its signup grant in the ledger', async () => {
      await page.goto(`${WEB_ORIGIN}/history`);
      await page.waitForSelector('[data-test=state-empty]');
      await expect(page.locator('[data-test=state-loading]').count()).resolves.toBe(0);
      await page.goto(`${WEB_ORIGIN}/credits`);
      await page.waitForSelector('[data-test=ledger-row]');
      await expect(page.locator('[data-test=ledger-row]').count()).resolves.toBe(1);
    });

    it('profile shows the account, and deletion needs the typed confirmation', async () => {
      await page.goto(`${WEB_ORIGIN}/profile`);
      await page.waitForSelector('[data-test=account]');
      await expect(page.locator('[data-test=profile-email]').textContent()).resolves.toBe(
        'web-e2e@example.com',
      );
      await expect(page.locator('[data-test=delete-account]').isDisabled()).resolves.toBe(true);
      await page.fill('[data-test=delete-confirm]', 'DELETE');
      await expect(page.locator('[data-test=delete-account]').isDisabled()).resolves.toBe(false);
      await page.fill('[data-test=delete-confirm]', '');
    });

    it('is usable on a phone in dark mode', async () => {
      const phone = await context.browser()!.newContext({
        viewport: { width: 390, height: 844 },
        colorScheme: 'dark',
        storageState: await context.storageState({ indexedDB: true }),
      });
      const small = await phone.newPage();
      // Each page waits for what the catalog fills in (long model names are the widest content).
      const loaded: Record<string, string> = {
        '/generate': '[data-test=model-option]',
        '/history': '[data-test=model-filter] option:nth-child(2)',
        '/credits': '[data-test=packs] li',
      };
      for (const [path, selector] of Object.entries(loaded)) {
        await small.goto(`${WEB_ORIGIN}${path}`);
        await small.waitForSelector('[data-test=sign-out]');
        await small.waitForSelector(selector, { state: 'attached' });
        // Nothing wider than the screen: no horizontal scrolling, and no element sticking out
        // (named, so a failure says which one).
        const sticking = await small.evaluate(() =>
          Array.from(document.querySelectorAll('main *'))
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((e) => `${e.tagName.toLowerCase()}[data-test=${e.getAttribute('data-test')}]`),
        );
        expect(sticking, path).toEqual([]);
        expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await small.screenshot({
          path: screenshotPath(`web-mobile-dark${path.replace('/', '-')}`),
          fullPage: true,
        });
      }
      await phone.close();
    });

    it('greys out models an operator switched off or a provider retired, with the reason (en, ja, phone)', async () => {
      const reasons = (target: Page) =>
        target.locator('[name=image-model] ~ .body [data-test=model-unavailable]').allTextContents();
      await greyOutModels(page);
      for (const [locale, expected] of [
        ['en', ['Retired by its provider', 'Switched off for now']],
        ['ja', ['提供元が提供を終了しました', '現在停止中です']],
      ] as const) {
        await page.goto(`${WEB_ORIGIN}/generate`);
        await setLocale(page, locale);
        await page.waitForSelector('[data-test=model-unavailable]');
        expect(await reasons(page)).toEqual(expected);
        await expect(page.locator('input[name=image-model][value=gpt-image]').isDisabled()).resolves.toBe(
          true,
        );
        await page
          .locator('#image-title')
          .locator('..')
          .screenshot({ path: screenshotPath(`web-generate-unavailable-${locale}`) });
      }
      await page.unroute(CATALOG_ROUTE);

      const phone = await context.browser()!.newContext({
        viewport: { width: 390, height: 844 },
        colorScheme: 'dark',
        storageState: await context.storageState({ indexedDB: true }),
      });
      const small = await phone.newPage();
      await greyOutModels(small);
      await small.goto(`${WEB_ORIGIN}/generate`);
      await small.waitForSelector('[data-test=model-unavailable]');
      expect(await reasons(small)).toHaveLength(2);
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await small
        .locator('#image-title')
        .locator('..')
        .screenshot({ path: screenshotPath('web-mobile-dark-generate-unavailable-ja') });
      await phone.close();
      await page.goto(`${WEB_ORIGIN}/generate`);
      await setLocale(page, 'en');
    });

    for (const locale of ['en', 'ja'] as const) {
      it(`every page renders in ${locale} (screenshots)`, async () => {
        await page.goto(`${WEB_ORIGIN}/`);
        await setLocale(page, locale);
        await page.screenshot({ path: screenshotPath(`web-home-signed-in-${locale}`), fullPage: true });
        for (const p of PAGES) {
          await page.goto(`${WEB_ORIGIN}${p.path}`);
          await page.waitForSelector(p.settled, { timeout: 40_000 });
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
          await page.screenshot({ path: screenshotPath(`web-${p.name}-${locale}`), fullPage: true });
        }
      });
    }
  });
});
