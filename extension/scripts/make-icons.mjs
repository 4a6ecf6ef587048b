// Renders the toolbar/store icons (committed in public/icons). Run once after changing the
// design: `node extension/scripts/make-icons.mjs`. A rounded square with two overlapping
// frames: "an image and its copy".
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const OUT = new URL('../public/icons/', import.meta.url);
mkdirSync(OUT, { recursive: true });

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="28" fill="#5b4bdb"/>
  <rect x="22" y="30" width="56" height="56" rx="10" fill="none" stroke="#fff" stroke-width="9" opacity="0.6"/>
  <rect x="50" y="42" width="56" height="56" rx="10" fill="#fff"/>
  <circle cx="68" cy="60" r="7" fill="#5b4bdb"/>
  <path d="M56 92 L74 72 L86 84 L92 78 L100 92 Z" fill="#5b4bdb"/>
</svg>`;

for (const size of [16, 32, 48, 128]) {
  await sharp(Buffer.from(svg))
    .resize(size, size)
    .png()
    .toFile(new URL(`${size}.png`, OUT).pathname);
}
console.info('icons written to', OUT.pathname);
