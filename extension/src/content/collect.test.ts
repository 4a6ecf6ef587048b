// Image collection against fixture pages: the content script's `readImages` and the side panel's
// `resolveImages` together (image elements, CSS backgrounds, open shadow roots). happy-dom has no layout engine, so the test supplies
// one at that boundary: boxes come from the width/height attributes (zero inside a
// `display:none` ancestor) and natural sizes from `data-natural` (as a loaded image would have).
// Its `checkVisibility` has no layout either, so it is removed here and the style fallback is
// tested; the Chromium test covers `checkVisibility`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as shared from '../lib/page-image';
import { bestSrcsetCandidate, resolveImages } from '../lib/resolve-images';
import * as content from './collect';
import { readImages } from './collect';

const { MIN_DATA_URL } = shared;

/** What the side panel lists for the page: the content script's reading, resolved by the panel. */
function collectImages(doc: Document) {
  return resolveImages(readImages(doc), doc.baseURI);
}

const proto = HTMLImageElement.prototype;
const saved = {
  offW: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth'),
  offH: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  natW: Object.getOwnPropertyDescriptor(proto, 'naturalWidth'),
  natH: Object.getOwnPropertyDescriptor(proto, 'naturalHeight'),
  check: Object.getOwnPropertyDescriptor(Element.prototype, 'checkVisibility'),
};

function natural(img: HTMLImageElement, i: 0 | 1): number {
  return Number(img.getAttribute('data-natural')?.split('x')[i] ?? 0);
}

beforeAll(() => {
  Object.defineProperty(Element.prototype, 'checkVisibility', { configurable: true, value: undefined });
  // Layout boxes: the width/height attributes, none inside a `display:none` element.
  const box = (el: HTMLElement, name: 'width' | 'height') =>
    el.closest('[style*="display: none"], [style*="display:none"]') ? 0 : Number(el.getAttribute(name) ?? 0);
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get() {
      return box(this, 'width');
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get() {
      return box(this, 'height');
    },
  });
  Object.defineProperty(proto, 'naturalWidth', {
    configurable: true,
    get() {
      return natural(this, 0);
    },
  });
  Object.defineProperty(proto, 'naturalHeight', {
    configurable: true,
    get() {
      return natural(this, 1);
    },
  });
});
afterAll(() => {
  for (const [name, descriptor] of [
    ['offsetWidth', saved.offW],
    ['offsetHeight', saved.offH],
  ] as const) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
  if (saved.check) Object.defineProperty(Element.prototype, 'checkVisibility', saved.check);
  if (saved.natW) Object.defineProperty(proto, 'naturalWidth', saved.natW);
  if (saved.natH) Object.defineProperty(proto, 'naturalHeight', saved.natH);
});
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const BASE = document.baseURI;
const abs = (path: string) => new URL(path, BASE).href;
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const REAL_DATA_URL = `data:image/png;base64,${'A'.repeat(MIN_DATA_URL)}`;

describe('readImages + resolveImages', () => {
  it('lists a plain image with its natural and displayed size and alt text', () => {
    document.body.innerHTML =
      '<img src="/photo.jpg" width="300" height="200" alt="A cat" data-natural="1200x800">';
    expect(collectImages(document)).toEqual([
      {
        src: abs('/photo.jpg'),
        thumb: abs('/photo.jpg'),
        width: 1200,
        height: 800,
        displayWidth: 300,
        displayHeight: 200,
        alt: 'A cat',
      },
    ]);
  });

  it('picks the largest srcset candidate (w and x descriptors) and keeps currentSrc as thumbnail', () => {
    document.body.innerHTML = `
      <img src="/s.jpg" srcset="/s.jpg 400w, /l.jpg 1600w, /m.jpg 800w" width="200" height="200">
      <img src="/one.jpg" srcset="/one.jpg 1x, /two.jpg 2x" width="200" height="200">`;
    const images = collectImages(document);
    expect(images.map((i) => [i.src, i.thumb])).toEqual([
      [abs('/l.jpg'), abs('/s.jpg')],
      [abs('/two.jpg'), abs('/one.jpg')],
    ]);
  });

  it('reads lazy-load attributes and ignores the data: placeholder they replace', () => {
    document.body.innerHTML = `
      <img src="${PLACEHOLDER}" data-src="/lazy1.jpg" width="100" height="100">
      <img src="${PLACEHOLDER}" data-lazy-src="/lazy2.jpg" width="100" height="100">
      <img src="${PLACEHOLDER}" data-original="/lazy3.jpg" width="100" height="100">
      <img src="${PLACEHOLDER}" data-srcset="/lazy4-small.jpg 300w, /lazy4-big.jpg 900w" width="100" height="100">
      <img src="${PLACEHOLDER}" width="100" height="100">
      <img src="${PLACEHOLDER}" data-src="/lazy5.jpg" width="100" height="100" data-natural="1x1">
      <img src="/spacer.gif" data-src="/lazy6.jpg" width="100" height="100" data-natural="1x1">`;
    // The last two show their 1×1 placeholders for now: their real size is not known yet, and the
    // loaded spacer GIF does not make the last one a tracking pixel.
    const images = collectImages(document);
    expect(images.map((i) => i.src)).toEqual(
      ['/lazy1.jpg', '/lazy2.jpg', '/lazy3.jpg', '/lazy4-big.jpg', '/lazy5.jpg', '/lazy6.jpg'].map(abs),
    );
    expect(images[4]).toMatchObject({ width: 0, height: 0, displayWidth: 100 });
    expect(images[5]).toMatchObject({ thumb: abs('/spacer.gif'), width: 0, height: 0 });
  });

  it('keeps a real (large) data: image', () => {
    document.body.innerHTML = `<img src="${REAL_DATA_URL}" width="100" height="100">`;
    expect(collectImages(document).map((i) => i.src)).toEqual([REAL_DATA_URL]);
  });

  it('reads <picture> sources', () => {
    document.body.innerHTML = `
      <picture>
        <source type="image/avif" srcset="/p.avif 640w, /p-big.avif 1280w">
        <img src="/p.jpg" width="320" height="240" alt="picture">
      </picture>`;
    expect(collectImages(document)).toMatchObject([
      { src: abs('/p-big.avif'), thumb: abs('/p.jpg'), alt: 'picture' },
    ]);
  });

  it('skips hidden images: display none (own or ancestor), visibility hidden, opacity 0, zero size', () => {
    document.head.innerHTML = '<style>.invisible { visibility: hidden } .clear { opacity: 0 }</style>';
    document.body.innerHTML = `
      <div style="display: none"><img src="/in-hidden-parent.jpg" width="100" height="100"></div>
      <img src="/display-none.jpg" style="display: none" width="100" height="100">
      <img src="/visibility.jpg" class="invisible" width="100" height="100">
      <img src="/opacity.jpg" class="clear" width="100" height="100">
      <img src="/zero.jpg" width="0" height="0">
      <img src="/visible.jpg" width="100" height="100">`;
    expect(collectImages(document).map((i) => i.src)).toEqual([abs('/visible.jpg')]);
  });

  it('skips icons and tracking pixels (displayed or natural size below the threshold)', () => {
    document.body.innerHTML = `
      <img src="/icon.png" width="16" height="16">
      <img src="/pixel.gif" width="1" height="1" data-natural="1x1">
      <img src="/stretched-pixel.gif" width="100" height="100" data-natural="1x1">
      <img src="/banner.png" width="600" height="20">
      <img src="/ok.png" width="64" height="64" data-natural="64x64">`;
    expect(collectImages(document).map((i) => i.src)).toEqual([abs('/ok.png')]);
  });

  it('dedupes by URL and drops unusable schemes', () => {
    document.body.innerHTML = `
      <img src="/same.jpg" width="100" height="100">
      <img src="${abs('/same.jpg')}" width="120" height="120">
      <img src="javascript:alert(1)" width="100" height="100">
      <img src="about:blank" width="100" height="100">
      <img src="blob:${location.origin}/6f1c" width="100" height="100">`;
    expect(collectImages(document).map((i) => i.src)).toEqual([
      abs('/same.jpg'),
      `blob:${location.origin}/6f1c`,
    ]);
  });

  it('resolves relative URLs exactly as the browser does', () => {
    const cases = [
      '/a/b.jpg?x=1#f',
      '/a/../b.jpg',
      '/img/a b.jpg',
      '/ü.jpg',
      '//cdn.test/x.jpg',
      'rel/x.jpg',
      './y.jpg',
    ];
    // Lazy attributes, since happy-dom already resolves currentSrc.
    document.body.innerHTML = cases
      .map((c) => `<img src="${PLACEHOLDER}" data-src="${c}" width="100" height="100">`)
      .join('');
    expect(collectImages(document).map((i) => i.src)).toEqual(cases.map(abs));
  });

  it('lists 2,000 images', () => {
    document.body.innerHTML = Array.from(
      { length: 2000 },
      (_, i) => `<img src="/img/${i}.jpg" width="120" height="90" alt="image ${i}">`,
    ).join('');
    const images = collectImages(document);
    expect(images).toHaveLength(2000);
    expect(images[1999]).toMatchObject({ src: abs('/img/1999.jpg'), alt: 'image 1999' });
  });
});

describe('CSS background images and open shadow roots', () => {
  const cover = (url: string) => `background: url(${url}) center / cover no-repeat`;

  it('lists an element painted with a background picture where it sits, at its displayed size', () => {
    document.body.innerHTML = `
      <img src="/first.jpg" width="100" height="100">
      <div style="${cover('/hero.jpg')}" width="400" height="200"></div>
      <img src="/last.jpg" width="100" height="100">`;
    const images = collectImages(document);
    expect(images.map((i) => i.src)).toEqual(['/first.jpg', '/hero.jpg', '/last.jpg'].map(abs));
    // Its pixel size is unknown until the panel loads it.
    expect(images[1]).toEqual({
      src: abs('/hero.jpg'),
      thumb: abs('/hero.jpg'),
      width: 0,
      height: 0,
      displayWidth: 400,
      displayHeight: 200,
      alt: '',
      background: true,
    });
  });

  it('skips patterns, gradients, small elements and hidden ones', () => {
    document.head.innerHTML = '<style>.dots { background-image: url(/dots.png) }</style>';
    document.body.innerHTML = `
      <div class="dots" width="400" height="400"></div>
      <div style="background: linear-gradient(red, blue)" width="400" height="400"></div>
      <div style="${cover('/icon.png')}" width="32" height="32"></div>
      <div style="${cover('/strip.png')}" width="400" height="60"></div>
      <div style="display: none"><div style="${cover('/hidden.jpg')}" width="400" height="300"></div></div>
      <div style="${cover('/kept.jpg')}" width="80" height="80"></div>`;
    expect(collectImages(document).map((i) => i.src)).toEqual([abs('/kept.jpg')]);
  });

  it('lists a picture once when an <img> and a background show the same file', () => {
    document.body.innerHTML = `
      <img src="/same.jpg" width="100" height="100" alt="img">
      <div style="${cover('/same.jpg')}" width="300" height="300"></div>`;
    expect(collectImages(document)).toMatchObject([{ src: abs('/same.jpg'), alt: 'img' }]);
  });

  it('lists images inside open shadow roots (nested too) where their host sits, never closed ones', () => {
    document.body.innerHTML = `
      <img src="/before.jpg" width="100" height="100">
      <div id="open"></div><div id="closed"></div>
      <img src="/after.jpg" width="100" height="100">`;
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    open.innerHTML = `<img src="/shadow.jpg" width="100" height="100" alt="in shadow">
      <div id="nested-host"></div><div style="${cover('/shadow-bg.jpg')}" width="200" height="200"></div>`;
    open.getElementById('nested-host')!.attachShadow({ mode: 'open' }).innerHTML =
      '<img src="/nested.jpg" srcset="/nested.jpg 400w, /nested-big.jpg 1200w" width="100" height="100">';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML =
      '<img src="/closed.jpg" width="100" height="100">';
    expect(collectImages(document).map((i) => i.src)).toEqual(
      ['/before.jpg', '/shadow.jpg', '/nested-big.jpg', '/shadow-bg.jpg', '/after.jpg'].map(abs),
    );
  });

  it('reads nothing but image addresses, sizes, alt text and background layers', () => {
    document.body.innerHTML = `
      <p>Private text on the page</p>
      <input value="typed secret"><textarea>draft secret</textarea>
      <img src="/a.jpg" width="100" height="100" alt="alt text" title="title secret" data-user="attr secret">
      <div role="img" aria-label="label secret" style="${cover('/b.jpg')}" width="200" height="200">Caption secret</div>`;
    const reading = JSON.stringify(readImages(document));
    expect(reading).toContain('alt text');
    for (const secret of ['Private text', 'typed secret', 'draft secret', 'title secret', 'attr secret']) {
      expect(reading).not.toContain(secret);
    }
    expect(reading).not.toMatch(/label secret|Caption secret/);
  });
});

describe('bestSrcsetCandidate', () => {
  it('handles empty, single and malformed candidate lists', () => {
    expect(bestSrcsetCandidate(null, BASE)).toBeNull();
    expect(bestSrcsetCandidate('/a.jpg', BASE)).toEqual({ url: abs('/a.jpg') });
    expect(bestSrcsetCandidate('  , /b.jpg 2x', BASE)).toEqual({ url: abs('/b.jpg') });
    expect(bestSrcsetCandidate(`${PLACEHOLDER} 1x, /real.jpg 1x`, BASE)).toEqual({ url: abs('/real.jpg') });
    expect(bestSrcsetCandidate('/s.jpg 320w,/l.jpg 640w', BASE)).toEqual({ url: abs('/l.jpg'), width: 640 });
  });
});

describe('content script constants', () => {
  it('mirror the shared ones exactly', () => {
    expect(content.MIN_SIDE).toBe(shared.MIN_SIDE);
    expect(content.MIN_BACKGROUND_SIDE).toBe(shared.MIN_BACKGROUND_SIDE);
    expect(content.MAX_IMAGES).toBe(shared.MAX_IMAGES);
    expect(content.MAX_ALT).toBe(shared.MAX_ALT);
    expect(content.LAZY_ATTRS).toEqual(shared.LAZY_ATTRS);
  });
});
