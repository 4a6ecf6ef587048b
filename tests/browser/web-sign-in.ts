// Signs into the e2e web build through the Auth emulator's own Google sign-in popup.
import type { Page } from 'playwright-core';
import { fakeGoogleScripts } from './web-fake-gapi';

export { fakeGoogleScripts };

/**
 * Clicks `trigger` (a button that calls `signInWithPopup`), then in the emulator's popup adds a
 * new account with `email` and `name` and signs in with it.
 */
export async function signInThroughPopup(
  page: Page,
  trigger: string,
  email: string,
  name: string,
): Promise<void> {
  await fakeGoogleScripts(page.context());
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(trigger)]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.click('#add-account-button button', { timeout: 30_000 });
  await popup.fill('#email-input', email);
  await popup.fill('#display-name-input', name);
  await popup.click('#sign-in');
  await popup.waitForEvent('close', { timeout: 30_000 });
}

/** Signs in again with an account the Auth emulator already has (its popup lists them). */
export async function signInAgainThroughPopup(page: Page, trigger: string, email: string): Promise<void> {
  await fakeGoogleScripts(page.context());
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(trigger)]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.locator('.js-reuse-account', { hasText: email }).click({ timeout: 30_000 });
  await popup.waitForEvent('close', { timeout: 30_000 });
}
