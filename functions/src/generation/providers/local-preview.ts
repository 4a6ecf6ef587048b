/**
 * The keyless `local-preview` model (emulators and tests only). Not AI: the prompt is derived
 * from the image itself (size, proportions, orientation, dominant colours via sharp stats) and
 * the "generated" image is made with sharp (the references side by side, each labelled with its
 * role, or a gradient seeded by the prompt's hash; the seed changes the result), stamped PREVIEW
 * so nobody mistakes it for a model's output.
 */
import { createHash } from 'node:crypto';
import type { AspectRatio, Locale, ModelInfo, Resolution } from '@mimicit/shared';
import { aspectOf, finishDescribe } from '../prompt-style.js';
import type { ReferenceImage } from '../intake/load-references.js';
import type { DescribeInput, ImageBytes, ImageInput, ProviderAdapter } from './types.js';

type Rgb = { r: number; g: number; b: number };

const COLOR_NAMES: { name: Record<Locale, string>; rgb: [number, number, number] }[] = [
  { name: { en: 'black', ja: '黒' }, rgb: [20, 20, 20] },
  { name: { en: 'white', ja: '白' }, rgb: [235, 235, 235] },
  { name: { en: 'grey', ja: '灰色' }, rgb: [128, 128, 128] },
  { name: { en: 'red', ja: '赤' }, rgb: [200, 40, 40] },
  { name: { en: 'orange', ja: 'オレンジ' }, rgb: [230, 130, 40] },
  { name: { en: 'yellow', ja: '黄色' }, rgb: [230, 210, 60] },
  { name: { en: 'green', ja: '緑' }, rgb: [60, 160, 70] },
  { name: { en: 'teal', ja: '青緑' }, rgb: [40, 150, 150] },
  { name: { en: 'blue', ja: '青' }, rgb: [50, 90, 200] },
  { name: { en: 'purple', ja: '紫' }, rgb: [130, 60, 170] },
  { name: { en: 'pink', ja: 'ピンク' }, rgb: [230, 130, 180] },
  { name: { en: 'brown', ja: '茶色' }, rgb: [120, 80, 45] },
];

/** Nearest named colour (plain RGB distance is enough for a preview). */
export function colorName(c: Rgb, lang: Locale): string {
  let best = COLOR_NAMES[0]!;
  let bestD = Infinity;
  for (const entry of COLOR_NAMES) {
    const [r, g, b] = entry.rgb;
    const d = (c.r - r) ** 2 + (c.g - g) ** 2 + (c.b - b) ** 2;
    if (d < bestD) [best, bestD] = [entry, d];
  }
  return best.name[lang];
}

function orientation(w: number, h: number, lang: Locale): string {
  const r = w / h;
  if (r > 1.05) return lang === 'ja' ? '横長' : 'landscape';
  if (r < 0.95) return lang === 'ja' ? '縦長' : 'portrait';
  return lang === 'ja' ? '正方形' : 'square';
}

/** The long side of each resolution tier (what FLUX.2 and GPT Image give at 1K and 2K). */
export const LONG_SIDE: Record<Resolution, number> = { '1k': 1024, '2k': 2048, '4k': 4096 };

/** Output size for an aspect ratio: the long side is `longSide` (1K's 1024), both sides even. */
export function sizeFor(ratio: AspectRatio, longSide = 1024): { width: number; height: number } {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return w >= h
    ? { width: longSide, height: even((longSide * h) / w) }
    : { width: even((longSide * w) / h), height: longSide };
}

async function describe(_model: ModelInfo, input: DescribeInput) {
  const { default: sharp } = await import('sharp');
  const stats = await sharp(input.image.bytes).stats();
  const [r, g, b] = stats.channels.map((c) => Math.round(c.mean)) as [number, number, number];
  const lang = input.language;
  const dominant = colorName(stats.dominant, lang);
  const average = colorName({ r, g, b }, lang);
  const bright = (r + g + b) / 3 > 140;
  const { sourceWidth: w, sourceHeight: h } = input.image;
  const ar = aspectOf(w, h);
  const orient = orientation(w, h, lang);
  const base =
    lang === 'ja'
      ? [
          `${orient}の構図 (${w}×${h}, 比率 ${ar})`,
          `${dominant}を主調とし${average}がなじむ配色`,
          bright ? '明るく柔らかな光' : '落ち着いた暗めの光',
          input.image.firstFrameOnly ? 'アニメーションの最初のフレーム' : '静止画',
        ]
      : [
          `${orient} composition (${w}×${h}, ratio ${ar})`,
          `dominant ${dominant} tones blending into ${average}`,
          bright ? 'bright, soft light' : 'subdued, low-key light',
          input.image.firstFrameOnly ? 'first frame of an animation' : 'still image',
        ];
  const extras =
    lang === 'ja'
      ? ['高精細', '写真風', '絵画風', 'ミニマル']
      : ['highly detailed', 'photographic', 'painterly', 'minimal'];
  const prompts = Array.from({ length: input.variants }, (_, i) => {
    const parts = [...base, extras[i % extras.length]!];
    return input.style === 'tags' || input.style === 'stable-diffusion' || input.style === 'midjourney'
      ? parts.join(', ')
      : lang === 'ja'
        ? `${parts.join('、')}の画像。`
        : `An image with a ${parts.join(', ')}.`;
  });
  return finishDescribe({ prompts }, input);
}

function label(width: number, height: number): Buffer {
  const band = Math.max(24, Math.round(height * 0.08));
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="0" y="${height - band}" width="${width}" height="${band}" fill="black" fill-opacity="0.55"/>` +
      `<text x="${Math.round(band / 2)}" y="${height - Math.round(band * 0.3)}" font-family="sans-serif" ` +
      `font-size="${Math.round(band * 0.6)}" fill="white">PREVIEW · not AI-generated</text></svg>`,
  );
}

async function generate(_model: ModelInfo, input: ImageInput): Promise<ImageBytes[]> {
  const { default: sharp } = await import('sharp');
  const { width, height } = sizeFor(input.aspectRatio, LONG_SIDE[input.resolution]);
  const references = input.references ?? [];
  const out: ImageBytes[] = [];
  for (let n = 0; n < input.count; n++) {
    const hash = createHash('sha256')
      .update(`${input.prompt}#${input.seed ?? ''}#${n}`)
      .digest();
    const from = `rgb(${hash[0]},${hash[1]},${hash[2]})`;
    const to = `rgb(${hash[3]},${hash[4]},${hash[5]})`;
    const base =
      references.length > 0
        ? // A light wash of the seeded colour varies the result while every reference stays recognisable.
          sharp(await collage(references, width, height, hash)).composite([
            { input: Buffer.from(wash(width, height, from)), blend: 'over' },
          ])
        : sharp(
            Buffer.from(
              `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
                `<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/>` +
                `<stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
                `<rect width="100%" height="100%" fill="url(#g)"/></svg>`,
            ),
          );
    const png = await base.png().toBuffer();
    const bytes = await sharp(png)
      .composite([{ input: label(width, height) }])
      .jpeg({ quality: 85 })
      .toBuffer();
    out.push({ bytes });
  }
  return out;
}

function wash(width: number, height: number, color: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${color}" fill-opacity="0.2"/></svg>`
  );
}

/**
 * Every reference side by side, one column each (cover-cropped), its role written at the top
 * ("1 · subject"), so a person and a journey test can see that each reference was used.
 */
async function collage(
  references: readonly ReferenceImage[],
  width: number,
  height: number,
  hash: Buffer,
): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const column = Math.floor(width / references.length);
  const tiles = await Promise.all(
    references.map(async (r, i) => {
      const w = i === references.length - 1 ? width - column * i : column;
      const tile = await sharp(r.bytes)
        .resize(w, height, { fit: 'cover' })
        .blur(1 + (hash[6]! % 4))
        .png()
        .toBuffer();
      return { input: tile, left: column * i, top: 0 };
    }),
  );
  const band = Math.max(24, Math.round(height * 0.07));
  const names = references
    .map(
      (r, i) =>
        `<rect x="${column * i}" y="0" width="${column}" height="${band}" fill="black" fill-opacity="0.45"/>` +
        `<text x="${column * i + Math.round(band / 3)}" y="${Math.round(band * 0.72)}" font-family="sans-serif" ` +
        `font-size="${Math.round(band * 0.55)}" fill="white">${i + 1} · ${r.role ?? 'reference'}</text>`,
    )
    .join('');
  const roles = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${names}</svg>`,
  );
  return sharp({ create: { width, height, channels: 3, background: '#000000' } })
    .composite([...tiles, { input: roles, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** The preview adapter: no keys, no network. */
export function createLocalPreviewAdapter(): ProviderAdapter {
  return { describe, generate };
}
