// Local mode budgets, measured the way a person meets them:
// - `npm run dev` (local mode) answering on every URL it prints: seconds from starting the
//   command until the web app, the local backend and the Auth emulator all answer.
// - Describe with the local preview model: from the click on "Describe" to the prompt shown in
//   the page, timed inside the page (click → first frame with the prompt), against that dev
//   server, signed in through the Auth emulator's popup as a person would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';
import { ROOT, importTs, median, percentile } from './lib.mjs';

export const DEV_READY_BUDGET_S = 30;
export const DESCRIBE_BUDGET_MS = 300;
const DESCRIBES = 15;
const WEB = 'http://127.0.0.1:5173';
const PROBES = [`${WEB}/`, 'http://127.0.0.1:5001/local/v1/health', 'http://127.0.0.1:9099/'];

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function allAnswer(isDead, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('npm run dev exited');
    if ((await Promise.all(PROBES.map(answers))).every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm run dev did not answer on ${PROBES.join(', ')} within ${timeoutMs / 1000}s`);
}

/** Signs in through the Auth emulator popup and times DESCRIBES describes in the page. */
async function describeTimings() {
  const { fakeGoogleScripts } = await importTs('tests/browser/web-fake-gapi.ts');
  const { fakeAppCheckExchange } = await importTs('tests/browser/web-fake-app-check.ts');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const context = await browser.newContext({ locale: 'en-US' });
    await fakeGoogleScripts(context);
    // App Check's token exchange is Google's too (the app sends tokens with every call).
    await fakeAppCheckExchange(context);
    const page = await context.newPage();
    await page.goto(`${WEB}/`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('[data-test=cta]')]);
    await popup.click('#add-account-button button', { timeout: 30_000 });
    await popup.fill('#email-input', 'bench@example.com');
    await popup.fill('#display-name-input', 'Bench');
    await popup.click('#sign-in');
    await page.waitForURL(`${WEB}/generate`, { timeout: 60_000 });
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#4a7bd0' } })
      .png()
      .toBuffer();
    await page.setInputFiles('[data-test=source-file]', {
      name: 'bench.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page
      .locator('fieldset[data-test=models]')
      .first()
      .locator('label', { hasText: 'Local preview' })
      .click();
    const times = [];
    // Two warm-ups (first load of the describe path in the backend and the page), then measured runs.
    for (let i = 0; i < DESCRIBES + 2; i++) {
      await page.fill('[data-test=prompt]', '');
      await page.waitForSelector('[data-test=describe]:not([disabled])');
      const ms = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const prompt = document.querySelector('[data-test=prompt]');
            const start = performance.now();
            document.querySelector('[data-test=describe]').click();
            const deadline = start + 30_000;
            const tick = () => {
              if (prompt.value) resolve(performance.now() - start);
              else if (performance.now() > deadline) reject(new Error('no prompt within 30 s'));
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
      );
      if (i >= 2) times.push(ms);
    }
    return times;
  } finally {
    await browser.close();
  }
}

export async function localModeBench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mimicit-bench-dev-'));
  const started = Date.now();
  // Enough credits for every describe (a real parameter of the functions).
  const dev = spawn(process.execPath, [join(ROOT, 'scripts', 'dev.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      MIMICIT_BACKEND: 'local',
      MIMICIT_LOCAL_DATA: dataDir,
      SIGNUP_GRANT_CREDITS: '50',
    },
    stdio: 'ignore',
  });
  let exited = false;
  const gone = new Promise((r) => dev.once('exit', () => r((exited = true))));
  try {
    await allAnswer(() => exited);
    const devReadyS = Math.round((Date.now() - started) / 100) / 10;
    const times = await describeTimings();
    const round = (ms) => Math.round(ms * 10) / 10;
    const p50 = round(median(times));
    return {
      devReadyS,
      devBudgetS: DEV_READY_BUDGET_S,
      devPass: devReadyS <= DEV_READY_BUDGET_S,
      describe: {
        runs: times.length,
        p50Ms: p50,
        p90Ms: round(percentile(times, 90)),
        budgetMs: DESCRIBE_BUDGET_MS,
        pass: p50 <= DESCRIBE_BUDGET_MS,
      },
    };
  } finally {
    if (!exited) dev.kill('SIGTERM');
    await gone;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
