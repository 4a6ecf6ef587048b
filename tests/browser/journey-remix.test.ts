/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The remix journey on the web (issue 18) in headless Chromium against local mode: three
// references — an upload, an image address and a History item — as subject, scene and style,
// generated with the local preview model at 2K; the result as a thumbnail in History; the
// detail with its seed; Reproduce (the same seed) and Vary (another). Image addresses on
// IMAGE_HOST are served from this machine (the backend's --image-host, the browser's route).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { collections, type GenerationDoc } from '@mimicit/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../harness/browser';
import { WEB_ORIGIN, serveWeb } from '../harness/e2e-builds';
import { startTestBackend, type TestBackend } from '../harness/local-backend';
import { StepClock } from './journey-steps';
import { signInThroughPopup } from './web-sign-in';
import { expectBalanceOn, midWordBreaksOn, navOn } from './web-steps';
import { setLocale } from './web-locale';

const IMAGE_HOST = 'images.journey.test';
const clock = new StepClock();
let images: Server;
let sceneUrl: string;
let backend: TestBackend;
let web: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Paths of every generated file the page read (`/local/v1/blob?path=…`), in order. */
const blobReads: string[] = [];
/** Bytes the page received for each file it read. */
const blobBytes = new Map<string, number>();

const solid = (width: number, height: number, background: { r: number; g: number; b: number }) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

const expectBalance = (n: number) => expectBalanceOn(page, n);
const nav = (name: string) => navOn(page, name);
const imagePicker = () => page.locator('fieldset[data-test=models]').nth(1);
const newestRun = () => page.locator('[data-test=run]').first();

/** The generations of the signed-in person, newest first, as the backend stored them. */
async function storedImages(): Promise<{ id: string; data: GenerationDoc }[]> {
  const store = await backend.readStore();
  const docs = await store.query({ collection: collections.generations.group, group: true });
  return docs
    .filter((d) => d.data?.kind === 'image')
    .map((d) => ({ id: d.id, data: d.data! }))
    .sort((a, b) => b.data.createdAt.getTime() - a.data.createdAt.getTime());
}

/** Clicks Generate and waits for the newest run's image; returns the seed it shows. */
async function generateAndReadSeed(): Promise<number> {
  const before = await page.locator('[data-test=run]').count();
  await page.click('[data-test=generate]');
  await expect.poll(() => page.locator('[data-test=run]').count()).toBe(before + 1);
  await newestRun().locator('[data-test=run-seed]').waitFor({ timeout: 60_000 });
  // The newest run's own image, loaded where the person is: the page brings the new card into
  // view (the button is at the bottom of a long form), so its lazy image loads.
  await expect
    .poll(
      () =>
        newestRun()
          .locator('img')
          .first()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);
  // …and the card is on screen beside the button just clicked, not above the fold.
  const box = (await newestRun().boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(-1); // sub-pixel rounding of a card aligned to the top
  expect(box.y).toBeLessThan(page.viewportSize()!.height);
  return Number((await newestRun().locator('[data-test=run-seed]').textContent())?.match(/\d+/)?.[0]);
}

beforeAll(async () => {
  const scene = await solid(800, 500, { r: 30, g: 170, b: 60 });
  images = createServer((req, res) => {
    if (req.url === '/scene.png') res.writeHead(200, { 'content-type': 'image/png' }).end(scene);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
  sceneUrl = `http://${IMAGE_HOST}:${(images.address() as AddressInfo).port}/scene.png`;
  backend = await startTestBackend('journey-remix', { imageHost: IMAGE_HOST });
  web = await serveWeb();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  // The browser previews the address too: it gets the same picture the backend fetches.
  await context.route(new RegExp(`^http://${IMAGE_HOST.replace(/\./g, '\\.')}(:\\d+)?/`), (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: scene }),
  );
  page = await context.newPage();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname === '/local/v1/blob' && req.method() === 'GET')
      blobReads.push(url.searchParams.get('path') ?? '');
  });
  // Bytes on the wire, as Chromium counted them once the response finished.
  page.on('requestfinished', async (req) => {
    const url = new URL(req.url());
    if (url.pathname !== '/local/v1/blob' || req.method() !== 'GET') return;
    blobBytes.set(url.searchParams.get('path') ?? '', (await req.sizes()).responseBodySize);
  });
});
afterAll(async () => {
  console.info(clock.report('remix journey'));
  await context?.close();
  await browser?.close();
  await new Promise((r) => web?.close(r));
  await new Promise((r) => images?.close(r));
  await backend?.stop();
});

describe('remix journey in local mode', () => {
  it('signs in and makes a first image to reuse from History', async () => {
    await page.goto(`${WEB_ORIGIN}/`);
    await signInThroughPopup(page, '[data-test=cta]', 'remix@example.com', 'Remix Person');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    await expectBalance(10);
    // The page starts on models that can run here (the others have no key in local mode).
    await page.waitForSelector('input[name=image-model]:checked');
    expect(await page.inputValue('input[name=image-model]:checked')).toBe('local-preview');
    expect(
      await page.locator('fieldset[data-test=models]').first().locator('input:checked').inputValue(),
    ).toBe('local-preview');
    await page.fill('[data-test=prompt]', 'an orange kite, flat colours');
    await generateAndReadSeed();
    await expectBalance(9);
    clock.lap('sign in → a first image');
  });

  it('greys out models whose provider has no key here, before anyone tries', async () => {
    const flux = imagePicker().locator('[data-test=model-option]', { hasText: 'FLUX.2' });
    await expect(flux.locator('[data-test=model-unavailable]').textContent()).resolves.toBe(
      'Not set up here (no API key)',
    );
    await expect(flux.locator('input').isDisabled()).resolves.toBe(true);
  });

  it('adds an upload, an image address and a History item as subject, scene and style', async () => {
    await page.setInputFiles('[data-test=source-file]', {
      name: 'fox.png',
      mimeType: 'image/png',
      buffer: await solid(600, 600, { r: 210, g: 40, b: 30 }),
    });
    await page.fill('[data-test=source-url]', sceneUrl);
    await page.press('[data-test=source-url]', 'Enter');
    await page.click('[data-test=open-history-picker]');
    const pick = page.locator('[data-test=history-pick]');
    await pick.first().waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[data-test=history-pick] img') as HTMLImageElement)?.naturalWidth > 0,
    );
    await page.screenshot({ path: screenshotPath('remix-history-picker-en'), fullPage: true });
    // The picker drew the thumbnail; the full image is read only once it is picked.
    expect(blobReads.at(-1)).toMatch(/\.thumb\.webp$/);
    await pick.first().click();
    await page.locator('[data-test=history-picker]').waitFor({ state: 'hidden' });
    expect(blobReads.at(-1)).toMatch(/-0\.jpg$/);
    const tiles = page.locator('[data-test=reference]');
    await expect.poll(() => tiles.count()).toBe(3);
    await expect(page.locator('[data-test=reference-count]').textContent()).resolves.toBe('3 of 4');
    // Roles by keyboard: focus each select and choose with the arrow keys.
    const roles = page.locator('[data-test=reference-role]');
    for (const [i, presses] of [
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const) {
      await roles.nth(i).focus();
      for (let n = 0; n < presses; n++) await page.keyboard.press('ArrowDown');
    }
    await expect
      .poll(() => roles.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)))
      .toEqual(['subject', 'scene', 'style']);
    await page.selectOption('[data-test=resolution]', '2k');
    await expect(page.locator('[data-test=resolution] option:checked').textContent()).resolves.toBe(
      '2K · 2 credits per image',
    );
    await expect(page.locator('[data-test=generate]').textContent()).resolves.toContain('2 credits');
    await page.fill('[data-test=prompt]', 'the fox in the meadow, in the style of the kite');
    await page.screenshot({ path: screenshotPath('remix-generate-references-en'), fullPage: true });
    await setLocale(page, 'ja');
    await page.screenshot({ path: screenshotPath('remix-generate-references-ja'), fullPage: true });
    // ja labels wrap at spaces and before brackets only, here and on a phone's width.
    const cardText = '[data-test=model-option] :is(.title, .why, .cost)';
    expect(await midWordBreaksOn(page, cardText)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 1000 });
    expect(await midWordBreaksOn(page, cardText)).toEqual([]);
    // Two frames after the resize, so the screenshot shows the page repainted at the new width.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: screenshotPath('remix-generate-phone-ja'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.click('[data-test=open-history-picker]');
    await page.locator('[data-test=history-pick] img').first().waitFor();
    await page.screenshot({ path: screenshotPath('remix-history-picker-ja'), fullPage: true });
    await page.click('[data-test=history-picker-close]');
    await setLocale(page, 'en');
    clock.lap('three references with roles, 2K priced');
  });

  it('generates with local-preview at 2K: the run shows its seed, the roles are stored, not the images', async () => {
    const seed = await generateAndReadSeed();
    await expectBalance(7);
    const [newest] = await storedImages();
    expect(newest?.data.settings).toMatchObject({
      resolution: '2k',
      referenceRoles: ['subject', 'scene', 'style'],
      seed,
    });
    expect(newest?.data.images?.[0]).toMatchObject({ width: 2048, thumbnail: { contentType: 'image/webp' } });
    // Nothing of the references was written: the only files are the results and their thumbnails.
    expect(JSON.stringify(newest?.data)).not.toContain('scene.png');
    await page.screenshot({ path: screenshotPath('remix-generated-en'), fullPage: true });
    await setLocale(page, 'ja');
    await page.screenshot({ path: screenshotPath('remix-generated-ja'), fullPage: true });
    await setLocale(page, 'en');
    clock.lap('generate at 2K with three references');
  });

  it('History draws thumbnails only; the detail shows the seed and translated settings', async () => {
    const from = blobReads.length;
    await nav('history');
    await page.locator('[data-test=history-item] img').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-test=history-item] img')].every(
        (i) => (i as HTMLImageElement).naturalWidth > 0,
      ),
    );
    const read = blobReads.slice(from);
    expect(read.length).toBeGreaterThanOrEqual(2);
    expect(read.every((p) => p.endsWith('.thumb.webp'))).toBe(true);
    // What the page downloaded is exactly the stored thumbnails (what bench/history-bytes sums).
    const items = await storedImages();
    const thumbs = items.map((g) => g.data.images![0]!.thumbnail!);
    await expect.poll(() => read.every((p) => blobBytes.has(p))).toBe(true);
    await expect
      .poll(() => read.map((p) => blobBytes.get(p) ?? 0).reduce((a, b) => a + b, 0))
      .toBe(thumbs.reduce((sum, t) => sum + t.bytes, 0));
    const full = items.reduce((sum, g) => sum + g.data.images![0]!.bytes, 0);
    console.info(
      `History page of ${items.length}: downloaded ${thumbs.reduce((s, t) => s + t.bytes, 0)} bytes of thumbnails; the full images are ${full} bytes`,
    );
    await page.screenshot({ path: screenshotPath('remix-history-en'), fullPage: true });
    await setLocale(page, 'ja');
    await page.screenshot({ path: screenshotPath('remix-history-ja'), fullPage: true });
    // The card's model name wraps before "（", not inside "なし".
    expect(await midWordBreaksOn(page, '[data-test=history-item] [data-test=history-model]')).toEqual([]);
    await setLocale(page, 'en');

    const [newest] = await storedImages();
    await page.click(`a[href="/history/${newest!.id}"]`);
    await page.waitForURL(`${WEB_ORIGIN}/history/${newest!.id}`);
    await page.locator('[data-test=setting-seed]').waitFor();
    expect(await page.locator('[data-test=setting-seed]').textContent()).toBe(
      String(newest!.data.settings.seed),
    );
    expect(await page.locator('[data-test=setting-referenceRoles]').textContent()).toBe(
      '1. Subject, 2. Scene, 3. Style',
    );
    await page.waitForFunction(
      () => (document.querySelector('[data-test=detail] img') as HTMLImageElement)?.naturalWidth > 0,
    );
    // The detail reads the full image.
    expect(blobReads.at(-1)).toBe(newest!.data.images![0]!.path);
    await page.screenshot({ path: screenshotPath('remix-detail-en'), fullPage: true });
    await setLocale(page, 'ja');
    await page.screenshot({ path: screenshotPath('remix-detail-ja'), fullPage: true });
    await setLocale(page, 'en');
    clock.lap('History thumbnails → detail with seed');
  });

  it('Reproduce runs again with the same seed; Vary with another', async () => {
    const [original] = await storedImages();
    const seed = original!.data.settings.seed!;
    await page.click('[data-test=reproduce]');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    expect(await page.inputValue('[data-test=seed]')).toBe(String(seed));
    await expect(page.locator('[data-test=reproduce-note]').textContent()).resolves.toContain(
      '3 reference images (Subject, Scene, Style)',
    );
    await page.screenshot({ path: screenshotPath('remix-reproduce-en'), fullPage: true });
    await setLocale(page, 'ja');
    await page.screenshot({ path: screenshotPath('remix-reproduce-ja'), fullPage: true });
    await setLocale(page, 'en');
    expect(await generateAndReadSeed()).toBe(seed);
    // What the person sees after clicking Generate at the bottom of the form (viewport, not page).
    await page.screenshot({ path: screenshotPath('remix-reproduced-viewport-en') });
    await expectBalance(5);

    await page.goto(`${WEB_ORIGIN}/history/${original!.id}`);
    await page.click('[data-test=vary]');
    await page.waitForURL(`${WEB_ORIGIN}/generate`);
    // The field is there (the model takes a seed) and empty: the server draws a new one.
    expect(await page.inputValue('[data-test=seed]')).toBe('');
    // A fresh page load has no images: the text-only variation of the same prompt and settings.
    const varied = await generateAndReadSeed();
    expect(varied).not.toBe(seed);
    const [newest] = await storedImages();
    expect(newest?.data.settings).toMatchObject({ resolution: '2k', seed: varied });
    expect(newest?.data.prompt).toBe(original!.data.prompt);
    clock.lap('Reproduce (same seed) and Vary (new seed)');
  });

  it('the footer and the Privacy page name the cookies truthfully, in both languages', async () => {
    await page.click('footer a[href="/privacy"]');
    await page.waitForURL(`${WEB_ORIGIN}/privacy`);
    await expect(page.locator('main').textContent()).resolves.toContain('_GRECAPTCHA');
    await expect(page.locator('footer').textContent()).resolves.toContain('Google’s browser check');
    await page.screenshot({ path: screenshotPath('remix-privacy-en'), fullPage: true });
    await setLocale(page, 'ja');
    await expect(page.locator('footer').textContent()).resolves.toContain('Google のブラウザ確認');
    await page.screenshot({ path: screenshotPath('remix-privacy-ja'), fullPage: true });
    await setLocale(page, 'en');
  });
});
