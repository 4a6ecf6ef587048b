// Message validation: unknown types, wrong shapes and wrong origins are rejected.
import { describe, expect, it } from 'vitest';
import {
  SESSION_KEYS,
  contentRequestSchema,
  parseListImagesReply,
  readImageReplySchema,
  sessionUpdateFor,
  verifyExternalMessage,
} from './messaging';
import { appOrigins } from './origins';

const ALLOWED = appOrigins('e2e', undefined);
const PROD = appOrigins('production', 'https://app.example.com');
const TOKEN = 'x'.repeat(40);
const fromApp = { origin: 'http://127.0.0.1:5173', url: 'http://127.0.0.1:5173/extension/connect?ext=abc' };

describe('verifyExternalMessage', () => {
  it.each([
    [{ type: 'auth/token', token: TOKEN }],
    [{ type: 'auth/signed-out' }],
    [{ type: 'credits/changed', credits: 42 }],
  ])('accepts %j from an allowed origin', (message) => {
    expect(verifyExternalMessage(message, fromApp, ALLOWED)).toEqual({ ok: true, message });
  });

  it.each([
    ['an unknown type', { type: 'auth/steal' }],
    ['no type', { token: TOKEN }],
    ['a non-object', 'auth/token'],
    ['null', null],
    ['a short token', { type: 'auth/token', token: 'short' }],
    ['a numeric token', { type: 'auth/token', token: 1234567890123 }],
    ['negative credits', { type: 'credits/changed', credits: -1 }],
    ['fractional credits', { type: 'credits/changed', credits: 1.5 }],
  ])('rejects %s', (_, message) => {
    expect(verifyExternalMessage(message, fromApp, ALLOWED)).toEqual({
      ok: false,
      reply: { ok: false, error: 'invalid-message' },
    });
  });

  it.each([
    ['another port', { origin: 'http://127.0.0.1:5174', url: 'http://127.0.0.1:5174/' }],
    ['another scheme', { origin: 'https://127.0.0.1:5173', url: 'https://127.0.0.1:5173/' }],
    [
      'a look-alike host',
      { origin: 'http://127.0.0.1.evil.test:5173', url: 'http://127.0.0.1.evil.test:5173/' },
    ],
    ['no origin at all', {}],
    ['an unparsable origin', { origin: 'not a url' }],
    ['another extension', { ...fromApp, id: 'abcdefghijklmnopabcdefghijklmnop' }],
    [
      'a URL on another origin than it claims',
      { origin: 'http://127.0.0.1:5173', url: 'https://evil.test/' },
    ],
  ])('refuses a sender from %s', (_, sender) => {
    expect(verifyExternalMessage({ type: 'auth/signed-out' }, sender, ALLOWED)).toEqual({
      ok: false,
      reply: { ok: false, error: 'origin-not-allowed' },
    });
  });

  it('uses the URL when Chrome gives no origin', () => {
    expect(verifyExternalMessage({ type: 'auth/signed-out' }, { url: fromApp.url }, ALLOWED).ok).toBe(true);
  });

  it('a production build trusts its app origin only, not the dev origins', () => {
    expect(verifyExternalMessage({ type: 'auth/signed-out' }, fromApp, PROD).ok).toBe(false);
    const prod = { origin: 'https://app.example.com', url: 'https://app.example.com/extension/connect' };
    expect(verifyExternalMessage({ type: 'auth/signed-out' }, prod, PROD).ok).toBe(true);
  });
});

describe('sessionUpdateFor', () => {
  it('maps each external message to the record the side panel consumes', () => {
    expect(sessionUpdateFor({ type: 'auth/token', token: TOKEN }, 5)).toEqual({
      [SESSION_KEYS.auth]: { kind: 'token', token: TOKEN, at: 5 },
    });
    expect(sessionUpdateFor({ type: 'auth/signed-out' }, 6)).toEqual({
      [SESSION_KEYS.auth]: { kind: 'signed-out', at: 6 },
    });
    expect(sessionUpdateFor({ type: 'credits/changed', credits: 3 }, 7)).toEqual({
      [SESSION_KEYS.credits]: { credits: 3, at: 7 },
    });
  });
});

describe('content script messages', () => {
  it('requests: known shapes only', () => {
    expect(contentRequestSchema.safeParse({ type: 'content/list-images' }).success).toBe(true);
    expect(
      contentRequestSchema.safeParse({ type: 'content/read-image', url: 'blob:https://a.test/1' }).success,
    ).toBe(true);
    expect(
      contentRequestSchema.safeParse({ type: 'content/read-image', url: 'file:///etc/passwd' }).success,
    ).toBe(false);
    expect(contentRequestSchema.safeParse({ type: 'content/list-images', extra: 1 }).success).toBe(false);
    expect(contentRequestSchema.safeParse({ type: 'content/eval' }).success).toBe(false);
  });

  it('replies from a page are validated: shapes, bounded sizes and counts', () => {
    const image = {
      current: 'https://a.test/x.jpg',
      src: '',
      naturalWidth: 1,
      naturalHeight: 1,
      displayWidth: 50,
      displayHeight: 50,
      alt: '',
    };
    const reply = { ok: true, base: 'https://a.test/page', images: [image], ms: 1 };
    const lazyImage = { ...image, srcsets: ['/a.jpg 1x'], lazy: ['/b.jpg', '', ''] };
    expect(parseListImagesReply({ ...reply, images: [image, lazyImage] }).images).toEqual([image, lazyImage]);
    // A malformed envelope is refused whole.
    for (const bad of [
      { ...reply, ok: false },
      { ...reply, base: 'not a url' },
      { ...reply, ms: -1 },
      { ...reply, images: Array.from({ length: 5001 }, () => image) },
    ]) {
      expect(() => parseListImagesReply(bad)).toThrow();
    }
    // One odd image is dropped; the others are kept.
    const odd = [
      { ...image, naturalWidth: -1 },
      { ...image, alt: 'x'.repeat(301) },
      { ...image, lazy: ['', '', '', ''] },
      { ...image, current: 42 },
      'not an image',
    ];
    expect(parseListImagesReply({ ...reply, images: [...odd, image] }).images).toEqual([image]);
    expect(readImageReplySchema.safeParse({ ok: true, dataUrl: 'data:text/html,<script>' }).success).toBe(
      false,
    );
    expect(readImageReplySchema.safeParse({ ok: false, reason: 'image-too-large' }).success).toBe(true);
    expect(readImageReplySchema.safeParse({ ok: false, reason: 'whatever' }).success).toBe(false);
  });
});
