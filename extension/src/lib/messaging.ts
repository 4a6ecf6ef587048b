/**
 * Every message the extension exchanges, as discriminated unions validated on receipt.
 * - Side panel → content script: `contentRequestSchema` (the content script checks the same
 *   shapes by hand to stay tiny); the panel validates the replies, since a page can tamper with
 *   what its content script answers.
 * - Web app → service worker (`onMessageExternal`): `externalMessageSchema` from
 *   `@mimicit/shared`, accepted only from the app's exact origins.
 * - Service worker → side panel: small records in `chrome.storage.session` (`sessionSchemas`),
 *   so nothing is lost while the panel is closed.
 */
import { z } from 'zod';
import { externalMessageSchema, type ExternalMessage, type ExternalReply } from '@mimicit/shared';
import { isAllowedOrigin } from './origins';
import { LAZY_ATTRS, MAX_ALT, MAX_IMAGES, type RawImage } from './page-image';

/** Longest page base URL accepted (page URLs can be long; the panel only resolves against it). */
const MAX_BASE_URL = 16_384;

const httpOrBlobUrl = z
  .string()
  .min(1)
  .max(2048)
  .refine((u) => /^(https?|blob):/i.test(u), 'http(s) or blob URL');
/** Page images may be data: URLs; 14 MB of base64 covers the 10 MB inline limit. */
const imageUrl = z.union([httpOrBlobUrl, z.string().max(14_000_000).startsWith('data:image/')]);

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/list-images') }).strict(),
  z.object({ type: z.literal('content/read-image'), url: httpOrBlobUrl }).strict(),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

const dimension = z.number().int().nonnegative().max(100_000);
/** A page string that may be a data: URL (14 MB of base64 covers the 10 MB inline limit). */
const pageUrl = z.string().max(14_000_000);
/** What the content script read about one image; `resolveImages` decides what is usable. */
export const rawImageSchema = z.object({
  current: pageUrl,
  src: pageUrl,
  srcsets: z.array(pageUrl).max(64).optional(),
  lazy: z.array(pageUrl).max(LAZY_ATTRS.length).optional(),
  naturalWidth: dimension,
  naturalHeight: dimension,
  displayWidth: dimension,
  displayHeight: dimension,
  alt: z.string().max(MAX_ALT),
  /** A computed background-image (data: URLs included) and its layers' repeat and size. */
  css: pageUrl.optional(),
  repeat: z.string().max(1_000).optional(),
  size: z.string().max(1_000).optional(),
});

const listImagesReplySchema = z.object({
  ok: z.literal(true),
  base: z.url().max(MAX_BASE_URL),
  images: z.array(z.unknown()).max(MAX_IMAGES),
  ms: z.number().nonnegative(),
});

/**
 * A list-images reply with its readings validated one by one: a malformed reply throws, while one
 * image the page made odd (an absurd srcset, say) is dropped instead of emptying the whole grid.
 */
export function parseListImagesReply(value: unknown): { base: string; images: RawImage[]; ms: number } {
  const reply = listImagesReplySchema.parse(value);
  const images = reply.images.flatMap((image) => {
    const parsed = rawImageSchema.safeParse(image);
    return parsed.success ? [parsed.data] : [];
  });
  return { base: reply.base, images, ms: reply.ms };
}
export const readImageReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), dataUrl: z.string().startsWith('data:image/').max(14_000_000) }),
  z.object({ ok: z.literal(false), reason: z.enum(['image-too-large', 'image-unreadable']) }),
]);

/** What the service worker leaves for the side panel in `chrome.storage.session`. */
export const SESSION_KEYS = {
  auth: 'mimicit.pendingAuth',
  selection: 'mimicit.selection',
  credits: 'mimicit.creditsHint',
} as const;

export const sessionSchemas = {
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('token'), token: z.string().min(20).max(4096), at: z.number() }),
    z.object({ kind: z.literal('signed-out'), at: z.number() }),
  ]),
  selection: z.object({ srcUrl: imageUrl, tabId: z.number().int(), at: z.number() }),
  credits: z.object({ credits: z.number().int().nonnegative(), at: z.number() }),
};
export type PendingAuth = z.infer<typeof sessionSchemas.auth>;
export type Selection = z.infer<typeof sessionSchemas.selection>;

/** The part of `chrome.runtime.MessageSender` the origin check needs. */
export interface ExternalSender {
  id?: string;
  origin?: string;
  url?: string;
}

export type ExternalVerdict =
  { ok: true; message: ExternalMessage } | { ok: false; reply: Extract<ExternalReply, { ok: false }> };

/**
 * Accepts an external message only from a web page (not another extension) whose origin is
 * exactly one of `allowedOrigins`, and only if it has one of the known shapes.
 */
export function verifyExternalMessage(
  message: unknown,
  sender: ExternalSender,
  allowedOrigins: readonly string[],
): ExternalVerdict {
  const from = sender.origin ?? sender.url;
  if (sender.id !== undefined || !isAllowedOrigin(from, allowedOrigins)) {
    return { ok: false, reply: { ok: false, error: 'origin-not-allowed' } };
  }
  if (from && sender.origin && sender.url && !isAllowedOrigin(sender.url, [sender.origin])) {
    return { ok: false, reply: { ok: false, error: 'origin-not-allowed' } };
  }
  const parsed = externalMessageSchema.safeParse(message);
  if (!parsed.success) return { ok: false, reply: { ok: false, error: 'invalid-message' } };
  return { ok: true, message: parsed.data };
}

/** The session record a verified external message turns into (or null: nothing to store). */
export function sessionUpdateFor(message: ExternalMessage, now: number): Record<string, unknown> {
  switch (message.type) {
    case 'auth/token':
      return { [SESSION_KEYS.auth]: { kind: 'token', token: message.token, at: now } };
    case 'auth/signed-out':
      return { [SESSION_KEYS.auth]: { kind: 'signed-out', at: now } };
    case 'credits/changed':
      return { [SESSION_KEYS.credits]: { credits: message.credits, at: now } };
  }
}
