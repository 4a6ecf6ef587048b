/**
 * Messages the web app sends to the extension over `externally_connectable`
 * (`chrome.runtime.sendMessage(extensionId, message)`). The extension accepts them only from
 * the app's exact origins and validates every one with {@link externalMessageSchema}.
 */
import { z } from 'zod';

export const externalMessageSchema = z.discriminatedUnion('type', [
  /** A Firebase custom token minted by `createExtensionToken` for the signed-in person. */
  z.object({ type: z.literal('auth/token'), token: z.string().min(20).max(4096) }),
  /** The person signed out of the web app. */
  z.object({ type: z.literal('auth/signed-out') }),
  /** The credit balance changed (purchase, generation, refund). */
  z.object({ type: z.literal('credits/changed'), credits: z.number().int().nonnegative() }),
]);
export type ExternalMessage = z.infer<typeof externalMessageSchema>;

export const externalReplySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ExternalReply = z.infer<typeof externalReplySchema>;

/** Path of the web app's bridge page; the extension opens it with `?ext=<extension id>`. */
export const EXTENSION_CONNECT_PATH = '/extension/connect';
