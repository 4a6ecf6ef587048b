// Steps the web journeys share: the header's balance and the main navigation, as a person sees them.
import type { Page } from 'playwright-core';
import { WEB_ORIGIN } from '../harness/e2e-builds';

/** Waits until the header shows a balance of `n` credits (it follows the account live). */
export async function expectBalanceOn(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-test=balance]')?.textContent?.match(/\d+/)?.[0] === String(want),
    n,
  );
}

/** Follows the main navigation's link to `/name`. */
export async function navOn(page: Page, name: string): Promise<void> {
  await page.click(`[data-test=nav-${name}]`);
  await page.waitForURL(`${WEB_ORIGIN}/${name}`);
}
