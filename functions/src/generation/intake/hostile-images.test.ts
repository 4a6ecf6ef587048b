import { crc32 } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { errorReason, LIMITS } from '@mimicit/shared';
import { fakeRequest, useMemoryDeps } from '../../../test/kits/handlers.js';
import { setDeps, resetDeps } from '../../lib/deps.js';
import { handleDescribeImage } from '../describe-image.js';
import { handleGenerateImage } from '../generate-image.js';
import { balance, dataUrl, giveCredits, jpeg, png } from '../../../test/kits/generation.js';
import { normalizeImage } from './normalize.js';
import { sniffImageType } from './sniff.js';

/** A real PNG whose IHDR claims other dimensions (CRC fixed, so only the size is a lie). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const buf = Buffer.from(await png(8, 8));
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

type Case = { name: string; bytes: () => Promise<Buffer>; reason: string };

const HOSTILE: Case[] = [
  { name: 'zero bytes', bytes: async () => Buffer.alloc(0), reason: 'image-unreadable' },
  {
    name: 'truncated JPEG',
    bytes: async () => (await jpeg(300, 200)).subarray(0, 300),
    reason: 'image-unreadable',
  },
  {
    name: 'plain text',
    bytes: async () => Buffer.from('just some words, not an image at all'),
    reason: 'image-unsupported-type',
  },
  {
    name: 'HTML page',
    bytes: async () => Buffer.from('<!DOCTYPE html><html><body><img src=x></body></html>'),
    reason: 'image-unsupported-type',
  },
  {
    name: 'SVG with script',
    bytes: async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    reason: 'image-unsupported-type',
  },
  {
    name: 'pixel bomb (50000×50000 PNG header)',
    bytes: () => pngClaiming(50_000, 50_000),
    reason: 'image-too-large',
  },
  {
    name: 'huge dimensions (60000×1000)',
    bytes: () => pngClaiming(60_000, 1_000),
    reason: 'image-too-large',
  },
  {
    name: 'GIF magic with garbage',
    bytes: async () => Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 7)]),
    reason: 'image-unreadable',
  },
  {
    name: 'JPEG magic then HTML (polyglot)',
    bytes: async () =>
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html>'.repeat(20))]),
    reason: 'image-unreadable',
  },
  {
    name: 'PDF',
    bytes: async () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj'),
    reason: 'image-unsupported-type',
  },
  {
    name: 'TIFF (decodable, not accepted)',
    bytes: () =>
      sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
        .tiff()
        .toBuffer(),
    reason: 'image-unsupported-type',
  },
  {
    name: 'Windows executable',
    bytes: async () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
    reason: 'image-unsupported-type',
  },
  {
    name: 'over 10 MB',
    bytes: async () => Buffer.alloc(LIMITS.maxInlineImageBytes + 100, 0xff),
    reason: 'image-too-large',
  },
];

describe('hostile images (each refused precisely, 0 credits taken)', () => {
  let deps: ReturnType<typeof useMemoryDeps>;
  beforeEach(async () => {
    deps = useMemoryDeps();
    setDeps({ pipeline: { maxRequestsPerMinute: 10_000 } });
    await giveCredits(deps, 'u1', 30);
  });
  afterEach(() => {
    resetDeps();
  });

  it(`covers at least 10 hostile images (${HOSTILE.length})`, () =>
    expect(HOSTILE.length).toBeGreaterThanOrEqual(10));

  it.each(HOSTILE)('$name → $reason', async ({ bytes, reason }) => {
    const source = { dataUrl: dataUrl(await bytes(), 'image/png') };
    const err = await handleDescribeImage(
      fakeRequest({ requestId: 'req-hostile-1', model: 'local-preview', source }, 'u1'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-argument' });
    expect(errorReason(err)).toBe(reason);
    // As a reference image for generation too.
    const err2 = await handleGenerateImage(
      fakeRequest(
        { requestId: 'req-hostile-2', model: 'local-preview', prompt: 'x', reference: source },
        'u1',
      ),
    ).catch((e: unknown) => e);
    expect(errorReason(err2)).toBe(reason);
    expect(await balance(deps, 'u1')).toBe(30);
  });

  it('takes the first frame of an animated GIF (documented: accepted, not refused)', async () => {
    const frame = (c: string) =>
      sharp({ create: { width: 32, height: 24, channels: 3, background: c } })
        .png()
        .toBuffer();
    const gif = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect(sniffImageType(gif)).toBe('gif');
    const out = await normalizeImage(gif, { maxSide: 1024 });
    expect(out).toMatchObject({ firstFrameOnly: true, width: 32, height: 24 });
    const res = await handleDescribeImage(
      fakeRequest(
        {
          requestId: 'req-anim-0001',
          model: 'local-preview',
          source: { dataUrl: dataUrl(gif, 'image/gif') },
        },
        'u1',
      ),
    );
    expect(res.status).toBe('succeeded');
    expect(res.resultPrompts?.[0]).toMatch(/first frame/);
    expect(await balance(deps, 'u1')).toBe(29);
  });
});

describe('normalizeImage', () => {
  let big: Buffer;
  beforeAll(async () => (big = await jpeg(3000, 2000)));

  it('resizes to the model side, keeps proportions and strips to JPEG', async () => {
    const out = await normalizeImage(big, { maxSide: 1024 });
    expect(out).toMatchObject({
      width: 1024,
      height: 683,
      sourceWidth: 3000,
      sourceHeight: 2000,
      sourceType: 'jpeg',
    });
    expect(sniffImageType(out.bytes)).toBe('jpeg');
  });

  it('keeps alpha as PNG and accepts WebP and AVIF', async () => {
    expect((await normalizeImage(await png(40, 40, true), { maxSide: 512 })).contentType).toBe('image/png');
    const webp = await sharp(await jpeg(20, 20))
      .webp()
      .toBuffer();
    expect((await normalizeImage(webp, { maxSide: 512 })).sourceType).toBe('webp');
    const avif = await sharp(await jpeg(20, 20))
      .avif()
      .toBuffer();
    expect((await normalizeImage(avif, { maxSide: 512 })).sourceType).toBe('avif');
  });
});
