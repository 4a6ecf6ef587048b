// Headless system Chromium through playwright-core. Never downloads a browser.
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { ROOT } from '../../scripts/lib/emulators.mjs';

export { CHROMIUM_PATH };
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...FLAGS] });
}

/** A persistent context with an unpacked extension loaded; resolves with the extension id. */
export async function launchWithExtension(
  extensionDir: string,
): Promise<{ context: BrowserContext; extensionId: string }> {
  assertChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'mimicit-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

/** The id of the first tab whose URL starts with `urlPrefix` (-1 when none), asked of the extension. */
export async function tabIdOf(context: BrowserContext, urlPrefix: string): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(prefix))?.id ?? -1;
  }, urlPrefix);
}

/**
 * Opens the side panel page for the tab showing `pageUrl`, as Chrome would beside it (a normal
 * page here, `?tab=` telling it which tab to list).
 */
export async function openSidePanel(
  ext: { context: BrowserContext; extensionId: string },
  pageUrl: string,
  height = 900,
): Promise<{ panel: Page; tabId: number }> {
  const tabId = await tabIdOf(ext.context, pageUrl);
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height });
  await panel.goto(`chrome-extension://${ext.extensionId}/src/sidepanel/index.html?tab=${tabId}`);
  return { panel, tabId };
}
