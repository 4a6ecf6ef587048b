/// <reference lib="dom" />
// Talking to the built extension from a web page, as the web app's bridge page does, and signing
// the side panel in with an Auth-emulator custom token through that same message.
import type { BrowserContext, Page } from 'playwright-core';
import { WEB_ORIGIN } from '../harness/e2e-builds';
import type { TestBackend } from '../harness/local-backend';

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
}

/** Sends `message` to the extension from a page of `origin` (`externally_connectable`). */
export async function sendFromPage(
  ext: LoadedExtension,
  origin: string,
  message: unknown,
  path = '/',
): Promise<unknown> {
  const sender = await ext.context.newPage();
  await sender.goto(`${origin}${path}`);
  const reply = await sender.evaluate(
    async ([id, msg]) => {
      const runtime = (globalThis as { chrome?: typeof chrome }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no-extension-api';
      try {
        return await runtime.sendMessage(id as string, msg);
      } catch (err) {
        return `error: ${String(err)}`;
      }
    },
    [ext.extensionId, message] as const,
  );
  await sender.close();
  return reply;
}

/**
 * Signs the panel in as a new account `uid`: the Auth emulator accepts an unsigned JSON custom
 * token (production tokens come from createExtensionToken on the bridge page, through the same
 * message), and the profile is created as the web app would have when the person signed in
 * there with Google. Resolves once the catalog is loaded.
 */
export async function signInPanel(
  ext: LoadedExtension,
  backend: TestBackend,
  panel: Page,
  uid: string,
): Promise<void> {
  const reply = await sendFromPage(ext, WEB_ORIGIN, { type: 'auth/token', token: JSON.stringify({ uid }) });
  if ((reply as { ok?: boolean }).ok !== true) throw new Error(`sign-in refused: ${JSON.stringify(reply)}`);
  await panel.waitForSelector('[data-test=sign-out]');
  await backend.callAs(uid, 'ensureProfile', {}, { email: `${uid}@example.com`, email_verified: true });
  await panel.waitForFunction(() => document.querySelectorAll('[data-test=models] option').length >= 7);
}
