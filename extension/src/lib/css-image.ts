/**
 * The side panel's reading of a CSS background (what the content script sent as computed
 * `background-image`, `background-repeat` and `background-size`): which URL is the picture, and
 * whether it is a repeated pattern rather than a picture. Runs in the panel's process, on
 * untrusted strings (a page can tamper with its content script's answers): it only extracts
 * URLs, which `absoluteUrl` then filters.
 */

/** Image types the panel (Chromium) shows and the server accepts, for `image-set(… type(…))`. */
const SUPPORTED_TYPES = new Set([
  'image/avif',
  'image/webp',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/svg+xml',
]);

/** Splits a computed list value at its top-level commas (not inside parentheses or strings). */
export function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter(Boolean);
}

/** A CSS string body from `from` (just after the opening quote): its value and where it ends. */
function readString(value: string, from: number, quote: string): { text: string; end: number } {
  let text = '';
  for (let i = from; i < value.length; i++) {
    const c = value[i]!;
    if (c === quote) return { text, end: i + 1 };
    if (c !== '\\') {
      text += c;
      continue;
    }
    // An escape: up to 6 hex digits (and one following space), or the next character itself.
    const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(value.slice(i + 1, i + 8));
    if (hex) {
      text += String.fromCodePoint(Math.min(parseInt(hex[0], 16), 0x10ffff) || 0xfffd);
      i += hex[0].length;
    } else if (i + 1 < value.length) text += value[++i];
  }
  return { text, end: value.length };
}

/** The URL of a `url(…)` or a bare string starting at `from`, or null. */
function readUrl(value: string, from: number): { url: string; end: number } | null {
  let i = from;
  while (value[i] === ' ') i++;
  if (value[i] === '"' || value[i] === "'") {
    const { text, end } = readString(value, i + 1, value[i]!);
    return { url: text, end };
  }
  if (!value.startsWith('url(', i)) return null;
  i += 4;
  while (value[i] === ' ') i++;
  if (value[i] === '"' || value[i] === "'") {
    const { text, end } = readString(value, i + 1, value[i]!);
    const close = value.indexOf(')', end);
    return { url: text, end: close < 0 ? value.length : close + 1 };
  }
  const close = value.indexOf(')', i);
  const end = close < 0 ? value.length : close;
  return { url: value.slice(i, end).trim(), end: end + 1 };
}

/** Density of an image-set resolution (`2x`, `2dppx`, `192dpi`, `75dpcm`); 1 when absent. */
function density(descriptors: string): number {
  const m = /(?:^|\s)(\d*\.?\d+)(x|dppx|dpi|dpcm)(?=\s|$)/.exec(descriptors);
  if (!m) return 1;
  const n = Number(m[1]);
  if (m[2] === 'dpi') return n / 96;
  if (m[2] === 'dpcm') return (n * 2.54) / 96;
  return n;
}

/** The densest candidate of an `image-set(…)` body whose type (if given) the panel can show. */
function bestOfImageSet(body: string): string | null {
  let best: { url: string; density: number } | null = null;
  for (const candidate of splitTopLevel(body)) {
    const read = readUrl(candidate, 0);
    if (!read?.url) continue;
    const rest = candidate.slice(read.end);
    const type = /type\(\s*["']([^"']*)["']\s*\)/.exec(rest)?.[1];
    if (type !== undefined && !SUPPORTED_TYPES.has(type.toLowerCase())) continue;
    const d = density(rest.replace(/type\([^)]*\)/, ' '));
    if (!best || d > best.density) best = { url: read.url, density: d };
  }
  return best?.url ?? null;
}

/** The image URL one background layer paints, or null (`none`, gradients, unparseable). */
export function layerUrl(layer: string): string | null {
  const set = /^(?:-webkit-)?image-set\(/.exec(layer);
  if (set) return bestOfImageSet(layer.slice(set[0].length, layer.lastIndexOf(')')));
  return layer.startsWith('url(') ? readUrl(layer, 0)?.url || null : null;
}

/**
 * Whether a layer with this computed repeat and size shows its image repeated, as a pattern or
 * texture does: it repeats in some direction (`repeat`, `repeat-x`, `space`, `round`…) and is not
 * scaled to fill the box (`cover`, or every size given as at least 100 %), so copies show.
 */
export function isPattern(repeat: string, size: string): boolean {
  const repeats = repeat.split(/\s+/).some((r) => r && r !== 'no-repeat');
  if (!repeats) return false;
  const sizes = size.trim().split(/\s+/);
  const fills = sizes[0] === 'cover' || sizes.every((s) => /^\d*\.?\d+%$/.test(s) && parseFloat(s) >= 100);
  return !fills;
}

/**
 * The picture a CSS background shows: the topmost layer that paints a URL and is not a repeated
 * pattern (layers cycle through the repeat and size lists, as CSS does), or null.
 */
export function backgroundUrl(css: string, repeat = '', size = ''): string | null {
  const repeats = splitTopLevel(repeat);
  const sizes = splitTopLevel(size);
  const layers = splitTopLevel(css);
  for (let i = 0; i < layers.length; i++) {
    const url = layerUrl(layers[i]!);
    if (!url) continue;
    const r = repeats.length ? repeats[i % repeats.length]! : 'repeat';
    const s = sizes.length ? sizes[i % sizes.length]! : 'auto';
    if (!isPattern(r, s)) return url;
  }
  return null;
}
