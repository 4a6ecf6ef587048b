/**
 * Messages to the Mimicit extension over `externally_connectable`
 * (`chrome.runtime.sendMessage(extensionId, message)`), validated with the shared schema.
 */
import { externalMessageSchema, externalReplySchema, type ExternalMessage } from '@mimicit/shared';
import { isAllowedExtensionId, knownExtensionIds } from './extension-ids';

interface RuntimeLike {
  sendMessage(extensionId: string, message: unknown, callback: (reply: unknown) => void): void;
  lastError?: { message?: string };
}

/** `chrome.runtime` as a web page sees it: only present when an extension lets this origin talk. */
export function chromeRuntime(): RuntimeLike | undefined {
  const rt = (globalThis as { chrome?: { runtime?: RuntimeLike } }).chrome?.runtime;
  return rt && typeof rt.sendMessage === 'function' ? rt : undefined;
}

/** Sends one message to one extension and resolves with its validated reply. */
export function sendToExtension(extensionId: string, message: ExternalMessage): Promise<void> {
  const rt = chromeRuntime();
  if (!rt) return Promise.reject(new Error('chrome.runtime is not available on this page'));
  if (!isAllowedExtensionId(extensionId)) return Promise.reject(new Error('extension id not allowed'));
  const msg = externalMessageSchema.parse(message);
  return new Promise((resolve, reject) => {
    rt.sendMessage(extensionId, msg, (reply) => {
      if (rt.lastError) return reject(new Error(rt.lastError.message ?? 'extension unreachable'));
      const parsed = externalReplySchema.safeParse(reply);
      if (!parsed.success) return reject(new Error('unexpected reply from the extension'));
      if (!parsed.data.ok) return reject(new Error(parsed.data.error));
      resolve();
    });
  });
}

/** Tells every extension connected from this browser; failures are ignored (it may be gone). */
export async function notifyKnownExtensions(message: ExternalMessage): Promise<void> {
  if (!chromeRuntime()) return;
  await Promise.allSettled(knownExtensionIds().map((id) => sendToExtension(id, message)));
}
