/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The web journey in headless Chromium against local mode (real Auth emulator, the local backend
// process, the built web app): everything a person does, from signing in to cancelling an
// account deletion, including a restart of the backend halfway that must lose nothing. The
// backend enforces App Check as production does; the app attests through the debug provider
// against a local fake of Google's token exchange (web-fake-app-check.ts).
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import sharp from 'sharp';
import type { GenerationDoc, MimicitExport } from '@mimicit/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../harness/browser';
import { WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { StepClock, imageFormatOf } from './journey-steps';
import { signInAgainThroughPopup, signInThroughPopup } from './web-sign-in';
import { expectBalanceOn, navOn } from './web-steps';
import { fakeAppCheckExchange, type FakeAppCheckExchange } from './web-fake-app-check';

const EMAIL = 'journey@example.com';
const clock = new StepClock();
let backend: TestBackend;
let web: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let exchange: FakeAppCheckExchange;
/** The App Check header of every call to a guarded callable, as it left the page. */
const guardedCalls: { name: string; appCheck: string | undefined }[] = [];

async function balance(): Promise<number> {
  const text = (await page.locator('[data-test=balance]').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}
const expectBalance = (n: number) => expectBalanceOn(page, n);
const nav = (name: string) => navOn(page, name);
async function historyItems(): Promise<number> {
  await page.waitForSelector('[data-test=history-item], [data-test=state-empty]');
  await expect.poll(() => page.locator('[data-test=state-loading]').count()).toBe(0);
  return page.locator('[data-test=history-item]').count();
}
/** History cards of image generations (their kind label says so). */
const imageItems = () =>
  page.locator('[data-test=history-item]').filter({ has: page.locator('.kind', { hasText: /^Image$/ }) });
/** The image picker of the Generate page (the second model picker). */
const imagePicker = () => page.locator('fieldset[data-test=models]').nth(1);

beforeAll(async () => {
  backend = await startTestBackend('journey-web', { appCheck: 'enforce' });
  web = await serveWeb();
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  exchange = await fakeAppCheckExchange(context);
  page = await context.newPage();
  page.on('request', (req) => {
    const name = /\/(ensureProfile|createExtensionToken|createCheckoutSession)$/.exec(req.url())?.[1];
    if (name && req.method() === 'POST')
      guardedCalls.push({ name, appCheck: req.headers()['x-firebase-appcheck'] });
  });
});
afterAll(async () => {
  console.info(clock.report('web journey'));
  await context?.close();
  await browser?.close();
  await new Promise((r) => web?.close(r));
  await backend?.stop();
});

describe('web journey in local mode', () => {
  it('signs in and shows the signup balance', async () => {
    await page.goto(`${WEB_ORIGIN}/`);
    await signInThroughPopup(page, '[data-test=cta]', EMAIL, 'Journey Person');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    await page.waitForSelector('[data-test=balance]');
    await expectBalance(10);
    clock.lap('sign in → balance shown');
  });

  it('attested the sign-in with App Check: a limited-use debug-provider token, accepted by the backend', async () => {
    // The backend enforces App Check, so the balance above already means it accepted the token;
    // here: which token it was. ensureProfile consumes its token, so it asked for a limited-use one.
    const first = guardedCalls.find((c) => c.name === 'ensureProfile');
    const issued = exchange.calls.find((c) => c.issued === first?.appCheck);
    expect(first?.appCheck).toBeTruthy();
    expect(issued).toMatchObject({ appId: 'demo-app', limitedUse: true });
    // One debug token per browser (kept in IndexedDB), a UUID the SDK made up.
    expect(new Set(exchange.calls.map((c) => c.debugToken)).size).toBe(1);
    expect(issued?.debugToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uploads an image, describes it with the local model: prompt shown, exactly 1 credit, live', async () => {
    const png = await sharp({
      create: { width: 640, height: 400, channels: 3, background: { r: 40, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    await page.setInputFiles('[data-test=source-file]', {
      name: 'lake.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page.waitForSelector('[data-test=source-preview]');
    await page
      .locator('fieldset[data-test=models]')
      .first()
      .locator('label', { hasText: 'Local preview' })
      .click();
    const clicked = Date.now();
    await page.click('[data-test=describe]');
    await page.waitForFunction(
      () => (document.querySelector('[data-test=prompt]') as HTMLTextAreaElement)?.value,
    );
    console.info(`describe: click → prompt shown in ${Date.now() - clicked} ms`);
    expect(await page.inputValue('[data-test=prompt]')).toMatch(/landscape composition \(640×400/);
    // The header follows users/{uid} live: the reservation shows without a reload.
    await expectBalance(9);
    await page.screenshot({ path: screenshotPath('journey-web-described-en'), fullPage: true });
    clock.lap('upload → describe → prompt + 1 credit shown live');
  });

  it('generates an image: progress, then the image', async () => {
    // The person edits the prompt before using it (and gives the search below a word of its own).
    await page.fill('[data-test=prompt]', `${await page.inputValue('[data-test=prompt]')} moonlit`);
    await imagePicker().locator('label', { hasText: 'Local preview' }).click();
    // Every aria-busy state of the run card, recorded as it happens.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { busySeen: string[] }).busySeen = seen;
      new MutationObserver(() => {
        const card = document.querySelector('[data-test=run]');
        const state = card?.getAttribute('aria-busy');
        if (state && seen.at(-1) !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.click('[data-test=generate]');
    const image = page.locator('[data-test=run] img');
    await image.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[data-test=run] img') as HTMLImageElement)?.naturalWidth > 0,
    );
    expect(await page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen)).toEqual([
      'true',
      'false',
    ]);
    await expectBalance(8);
    await page.screenshot({ path: screenshotPath('journey-web-generated-en'), fullPage: true });
    clock.lap('generate → progress → image shown');
  });

  it('lists both in History, favorites one and filters by favorites', async () => {
    await nav('history');
    expect(await historyItems()).toBe(2);
    const imageItem = imageItems();
    await imageItem.locator('[data-test=favorite]').click();
    await expect
      .poll(() => imageItem.locator('[data-test=favorite]').getAttribute('aria-pressed'))
      .toBe('true');
    await page.check('[data-test=favorites-only]');
    await expect.poll(() => page.locator('[data-test=history-item]').count()).toBe(1);
    expect(await imageItems().count()).toBe(1);
    clock.lap('History lists both → favorite → favorites filter');
  });

  it('loses nothing when the local backend restarts', async () => {
    const before = await balance();
    await backend.restart();
    await page.reload();
    await page.waitForSelector('[data-test=favorites-only]');
    await page.uncheck('[data-test=favorites-only]');
    expect(await historyItems()).toBe(2);
    await expectBalance(before);
    await page.check('[data-test=favorites-only]');
    await expect.poll(() => page.locator('[data-test=history-item]').count()).toBe(1);
    await page.uncheck('[data-test=favorites-only]');
    clock.lap('backend restart → History, favorite and balance intact');
  });

  it('searches History by a word of the prompt', async () => {
    await page.fill('[data-test=search]', 'moonlit');
    await page.press('[data-test=search]', 'Enter');
    await expect.poll(() => page.locator('[data-test=history-item]').count()).toBe(1);
    expect(await imageItems().count()).toBe(1);
    await page.fill('[data-test=search]', 'nothing-like-this');
    await page.press('[data-test=search]', 'Enter');
    await page.waitForSelector('[data-test=state-empty]');
    await page.fill('[data-test=search]', '');
    await page.press('[data-test=search]', 'Enter');
    expect(await historyItems()).toBe(2);
    clock.lap('search');
  });

  it('opens the detail and downloads PNG, WebP and JPEG, each really that format', async () => {
    await imageItems().getByRole('link').click();
    await page.waitForURL(/\/history\/[A-Za-z0-9]+$/);
    await page.waitForFunction(
      () => (document.querySelector('[data-test=detail] img') as HTMLImageElement)?.naturalWidth > 0,
    );
    for (const [label, format] of [
      ['PNG', 'png'],
      ['WebP', 'webp'],
      ['JPEG', 'jpeg'],
    ] as const) {
      await page.locator('[data-test=detail] select').first().selectOption({ label });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-test=download]'),
      ]);
      const bytes = readFileSync((await download.path())!);
      expect(imageFormatOf(bytes), `${label} download`).toBe(format);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format === 'jpeg' ? 'jpg' : format}$`));
    }
    clock.lap('detail → downloads (PNG, WebP, JPEG by magic bytes)');
  });

  it('offers a comparison only of models that can run here: one without a key is greyed out', async () => {
    const before = await balance();
    await nav('generate');
    await page.fill('[data-test=prompt]', 'a lighthouse at dawn, watercolor');
    await page.check('[data-test=compare-mode]');
    await imagePicker().locator('label', { hasText: 'Local preview' }).click();
    // FLUX has no key in local mode: the catalog says so, so nobody picks it and meets an error.
    const flux = imagePicker().locator('[data-test=model-option]', { hasText: 'FLUX.2 [pro]' });
    await expect(flux.locator('[data-test=model-unavailable]').textContent()).resolves.toBe(
      'Not set up here (no API key)',
    );
    await expect(flux.locator('input').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-test=generate]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-test=generate-blocked]').textContent()).resolves.toBe(
      'Choose at least two models.',
    );
    await page.screenshot({ path: screenshotPath('journey-web-compare-en'), fullPage: true });
    await page.uncheck('[data-test=compare-mode]');
    await expectBalance(before);
    clock.lap('compare: a model without a key greyed out');
  });

  it('deletes an item: gone from History, its image file gone', async () => {
    await nav('history');
    const count = await historyItems();
    // The newest image that has a picture.
    const withPicture = imageItems()
      .filter({ has: page.locator('img') })
      .first();
    await withPicture.waitFor();
    await withPicture.getByRole('link').click();
    await page.waitForURL(/\/history\/[A-Za-z0-9]+$/);
    const id = page.url().split('/').pop()!;
    const store = await backend.readStore();
    const [doc] = (await store.query<GenerationDoc>({ collection: 'generations', group: true })).filter(
      (g) => g.id === id,
    );
    const files = doc?.data?.images?.map((i) => i.path) ?? [];
    expect(files).toHaveLength(1);
    expect(backend.hasObject(files[0]!)).toBe(true);
    await page.click('[data-test=delete]');
    await page.click('[data-test=dialog-confirm]');
    await page.waitForURL(`${WEB_ORIGIN}/history`);
    expect(await historyItems()).toBe(count - 1);
    expect(await page.locator(`a[href="/history/${id}"]`).count()).toBe(0);
    expect(backend.hasObject(files[0]!)).toBe(false);
    clock.lap('delete an item (document and image file)');
  });

  it('exports the profile, the balance and every generation', async () => {
    const shown = await balance();
    await page.goto(`${WEB_ORIGIN}/history`);
    const listed = await historyItems();
    await nav('profile');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as MimicitExport;
    expect(data.account).toMatchObject({ email: EMAIL, displayName: 'Journey Person', credits: shown });
    expect(data.generations).toHaveLength(listed);
    expect(data.ledger.reduce((sum, e) => sum + e.delta, 0)).toBe(shown);
    clock.lap('export my data');
  });

  it('buys a pack on the local test checkout: granted once', async () => {
    const before = await balance();
    await nav('credits');
    await page.click('[data-test=buy-starter]');
    await page.waitForURL(/127\.0\.0\.1:\d+\/checkout\/cs_test_local_/);
    // Checkout is enforced but not consumed: the app's standard App Check token went with it.
    const checkout = guardedCalls.find((c) => c.name === 'createCheckoutSession');
    expect(exchange.calls.find((c) => c.issued === checkout?.appCheck)).toMatchObject({ limitedUse: false });
    await page.waitForSelector('[data-test=test-banner]');
    expect(await page.locator('[data-test=test-banner]').textContent()).toContain('no money moves');
    await page.screenshot({ path: screenshotPath('local-checkout-en'), fullPage: true });
    await page.goto(`${page.url()}?lang=ja`);
    expect(await page.locator('[data-test=test-banner]').textContent()).toContain('実際のお金は動きません');
    await page.screenshot({ path: screenshotPath('local-checkout-ja'), fullPage: true });
    await page.click('[data-test=checkout-pay]');
    await page.waitForURL(/\/credits\/success\?session_id=cs_test_local_/);
    await page.waitForSelector('[data-test=checkout-credited]');
    await expectBalance(before + 50);
    // The event was delivered twice; the ledger holds one purchase.
    const store = await backend.readStore();
    const uid = (await store.query({ collection: 'users', where: [['email', '==', EMAIL]] }))[0]!.id;
    const purchases = await store.query({
      collection: `users/${uid}/ledger`,
      where: [['reason', '==', 'purchase']],
    });
    expect(purchases.map((p) => p.data)).toEqual([
      expect.objectContaining({ delta: 50, balanceAfter: before + 50 }),
    ]);
    // …although the test checkout delivered the signed event to the real webhook twice.
    expect(readFileSync(backend.logFile, 'utf8')).toMatch(/delivered twice → 200 granted, 200 duplicate/);
    clock.lap('test purchase → pack granted once');
  });

  it('requests deletion; signing in again shows the pending deletion with Cancel, which restores', async () => {
    await nav('profile');
    await page.fill('[data-test=delete-confirm]', 'DELETE');
    await page.click('[data-test=delete-account]');
    await page.waitForSelector('[data-test=account-deleted]');
    await page.waitForSelector('[data-test=cta]');
    await signInAgainThroughPopup(page, '[data-test=cta]', EMAIL);
    await page.goto(`${WEB_ORIGIN}/profile`);
    const pending = page.locator('[data-test=deletion-pending]');
    await pending.waitFor();
    await page.screenshot({ path: screenshotPath('journey-web-pending-deletion-en'), fullPage: true });
    await page.selectOption('[data-test=locale-select]', 'ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await page.screenshot({ path: screenshotPath('journey-web-pending-deletion-ja'), fullPage: true });
    await page.selectOption('[data-test=locale-select]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await pending.getByRole('button').click();
    await pending.waitFor({ state: 'detached' });
    await page.waitForSelector('[data-test=delete-confirm]');
    await nav('history');
    expect(await historyItems()).toBe(0);
    clock.lap('request deletion → sign in again → pending → cancel restores');
  });
});
