// Signs into the e2e web build through the Auth emulator's own Google sign-in popup.
import type { Page } from 'playwright-core';
import { fakeGoogleScripts } from './web-fake-gapi';
import { fakeAppCheckExchange } from './web-fake-app-check';

export { fakeGoogleScripts };

/** Every Google endpoint a signed-in web page reaches: the sign-in scripts and App Check's exchange. */
async function fakeGoogle(page: Page): Promise<void> {
  await fakeGoogleScripts(page.context());
  await fakeAppCheckExchange(page.context());
}

/**
 * Clicks `trigger` (a button that calls `signInWithPopup`), then in the emulator's popup adds a
 * new account with `email` and `name` and signs in with it; `verifiedEmail: false` makes Google
 * report the email as not verified.
 */
export async function signInThroughPopup(
  page: Page,
  trigger: string,
  email: string,
  name: string,
  { verifiedEmail = true }: { verifiedEmail?: boolean } = {},
): Promise<void> {
  await fakeGoogle(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(trigger)]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.click('#add-account-button button', { timeout: 30_000 });
  await popup.fill('#email-input', email);
  await popup.fill('#display-name-input', name);
  if (!verifiedEmail) {
    // The emulator's fake Google always says the email is verified; some Google accounts'
    // emails are not, and this makes the fake say so.
    await popup.evaluate(() => {
      const w = window as unknown as { createFakeClaims: (info: object) => string };
      const original = w.createFakeClaims;
      w.createFakeClaims = (info) =>
        encodeURIComponent(
          JSON.stringify({ ...JSON.parse(decodeURIComponent(original(info))), email_verified: false }),
        );
    });
  }
  await popup.click('#sign-in');
  await popup.waitForEvent('close', { timeout: 30_000 });
}

/** Signs in again with an account the Auth emulator already has (its popup lists them). */
export async function signInAgainThroughPopup(page: Page, trigger: string, email: string): Promise<void> {
  await fakeGoogle(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(trigger)]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.locator('.js-reuse-account', { hasText: email }).click({ timeout: 30_000 });
  await popup.waitForEvent('close', { timeout: 30_000 });
}
