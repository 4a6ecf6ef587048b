// Switches the web app's UI language through the header, as a person does.
import type { Page } from 'playwright-core';

/** Picks `locale` in the header and waits until the page is in it. */
export async function setLocale(page: Page, locale: 'en' | 'ja'): Promise<void> {
  await page.selectOption('[data-test=locale-select]', locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}
