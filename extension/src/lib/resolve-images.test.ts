// The side panel's half of image listing, on raw readings as a page could send them: its
// strings are untrusted, so only usable URLs come out.
import { describe, expect, it } from 'vitest';
import { MAX_IMAGES, MIN_DATA_URL, type RawImage } from './page-image';
import { absoluteUrl, resolveImages } from './resolve-images';

const BASE = 'https://shop.test/catalog/page.html';
const raw = (over: Partial<RawImage>): RawImage => ({
  current: '',
  src: '',
  naturalWidth: 0,
  naturalHeight: 0,
  displayWidth: 100,
  displayHeight: 100,
  alt: '',
  ...over,
});

const px = (naturalWidth: number, naturalHeight: number) => ({ naturalWidth, naturalHeight });

describe('absoluteUrl', () => {
  it.each([
    ['/a.jpg', 'https://shop.test/a.jpg'],
    ['b.jpg', 'https://shop.test/catalog/b.jpg'],
    ['../c.jpg', 'https://shop.test/c.jpg'],
    ['  https://cdn.test/d.jpg  ', 'https://cdn.test/d.jpg'],
    ['//cdn.test/e.jpg', 'https://cdn.test/e.jpg'],
    ['blob:https://shop.test/1f2e', 'blob:https://shop.test/1f2e'],
    ['javascript:alert(1)', ''],
    ['file:///etc/passwd', ''],
    ['chrome-extension://abc/x.png', ''],
    ['data:image/gif;base64,R0lGOD', ''],
    [`https://shop.test/${'x'.repeat(2100)}`, ''],
    ['', ''],
  ])('%s → %s', (value, expected) => {
    expect(absoluteUrl(value, BASE)).toBe(expected);
  });

  it('keeps a data: image as long as a real one', () => {
    const real = `data:image/png;base64,${'A'.repeat(MIN_DATA_URL)}`;
    expect(absoluteUrl(real, BASE)).toBe(real);
  });
});

describe('resolveImages', () => {
  it('prefers srcset lists in order, then lazy attributes, then what is shown', () => {
    const images = resolveImages(
      [
        raw({ current: 'https://shop.test/s.jpg', srcsets: ['', '/m.jpg 800w, /l.jpg 1600w'] }),
        raw({ src: '/placeholder.jpg', srcsets: [], lazy: ['', '/lazy.jpg', '/other.jpg'] }),
        raw({ src: '/plain.jpg' }),
      ],
      BASE,
    );
    expect(images.map((i) => [i.src, i.thumb])).toEqual([
      ['https://shop.test/l.jpg', 'https://shop.test/s.jpg'],
      ['https://shop.test/lazy.jpg', 'https://shop.test/placeholder.jpg'],
      ['https://shop.test/plain.jpg', 'https://shop.test/plain.jpg'],
    ]);
  });

  it('drops loaded icons and pixels but keeps lazy images behind a tiny placeholder, size unknown', () => {
    const images = resolveImages(
      [
        raw({ current: 'https://shop.test/pixel.gif', naturalWidth: 1, naturalHeight: 1 }),
        raw({
          current: 'https://shop.test/spacer.gif',
          naturalWidth: 1,
          naturalHeight: 1,
          lazy: ['/real.jpg'],
        }),
        raw({ current: 'https://shop.test/photo.jpg', naturalWidth: 800, naturalHeight: 600 }),
      ],
      BASE,
    );
    expect(images).toMatchObject([
      { src: 'https://shop.test/real.jpg', width: 0, height: 0 },
      { src: 'https://shop.test/photo.jpg', width: 800, height: 600 },
    ]);
  });

  it('dedupes by resolved URL and drops images with no usable URL', () => {
    const images = resolveImages(
      [
        raw({ src: '/same.jpg' }),
        raw({ src: 'https://shop.test/same.jpg' }),
        raw({ src: '../same.jpg' }),
        raw({ src: 'javascript:alert(1)' }),
        raw({ src: '' }),
      ],
      BASE,
    );
    expect(images.map((i) => i.src)).toEqual(['https://shop.test/same.jpg']);
  });

  it('reads compact srcsets and trailing commas as the browser does: the largest real candidate', () => {
    const images = resolveImages(
      [
        raw({ current: 'https://shop.test/a.jpg', srcsets: ['/a.jpg 320w,/b.jpg 640w'] }),
        raw({ current: 'https://shop.test/c.jpg', srcsets: ['/c.jpg 1x, /d.jpg 2x,'] }),
      ],
      BASE,
    );
    expect(images.map((i) => i.src)).toEqual(['https://shop.test/b.jpg', 'https://shop.test/d.jpg']);
  });

  describe('the size shown is the size of the image that will be sent', () => {
    it('what is loaded, when that is what will be sent', () => {
      const [image] = resolveImages(
        [
          raw({
            current: 'https://shop.test/big.jpg',
            srcsets: ['/small.jpg 1x, /big.jpg 2x'],
            ...px(1000, 800),
          }),
        ],
        BASE,
      );
      expect(image).toMatchObject({ src: 'https://shop.test/big.jpg', width: 1000, height: 800 });
    });

    it('a wider w candidate: its width, with the loaded image’s proportions', () => {
      const [image] = resolveImages(
        [
          raw({
            current: 'https://shop.test/s.jpg',
            srcsets: ['/s.jpg 400w, /l.jpg 1600w'],
            ...px(400, 300),
          }),
        ],
        BASE,
      );
      expect(image).toMatchObject({ src: 'https://shop.test/l.jpg', width: 1600, height: 1200 });
    });

    it('none for a 2x candidate while the page shows the 1x one (its pixels are unknown)', () => {
      const [image] = resolveImages(
        [raw({ current: 'https://shop.test/1x.jpg', srcsets: ['/1x.jpg 1x, /2x.jpg 2x'], ...px(250, 250) })],
        BASE,
      );
      expect(image).toMatchObject({ src: 'https://shop.test/2x.jpg', width: 0, height: 0 });
    });

    it('none for a lazy image whose placeholder is what is loaded', () => {
      const [image] = resolveImages(
        [
          raw({
            current: 'https://shop.test/placeholder-250.png',
            lazy: ['/real-500x400.jpg'],
            ...px(250, 250),
            displayWidth: 500,
            displayHeight: 400,
          }),
        ],
        BASE,
      );
      expect(image).toMatchObject({ src: 'https://shop.test/real-500x400.jpg', width: 0, height: 0 });
    });
  });

  it(`lists at most ${MAX_IMAGES} images`, () => {
    const many = Array.from({ length: MAX_IMAGES + 10 }, (_, i) => raw({ src: `/img/${i}.jpg` }));
    expect(resolveImages(many, BASE)).toHaveLength(MAX_IMAGES);
  });
});
