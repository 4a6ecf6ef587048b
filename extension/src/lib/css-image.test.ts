// The side panel's reading of computed CSS backgrounds: URLs out of `url(…)` and `image-set(…)`
// as Chromium serialises them (and as a tampering page might not), and the pattern heuristic.
import { describe, expect, it } from 'vitest';
import { backgroundUrl, isPattern, layerUrl, splitTopLevel } from './css-image';

describe('splitTopLevel', () => {
  it('splits layers at top-level commas only', () => {
    expect(
      splitTopLevel('linear-gradient(rgb(0, 0, 0), rgba(0, 0, 0, 0.5)), url("a,b.png"), url(c.png)'),
    ).toEqual(['linear-gradient(rgb(0, 0, 0), rgba(0, 0, 0, 0.5))', 'url("a,b.png")', 'url(c.png)']);
    expect(splitTopLevel('cover, auto')).toEqual(['cover', 'auto']);
    expect(splitTopLevel('')).toEqual([]);
  });
});

describe('layerUrl', () => {
  it('reads url() with double, single or no quotes, and CSS escapes', () => {
    expect(layerUrl('url("https://a.test/x.png")')).toBe('https://a.test/x.png');
    expect(layerUrl("url('https://a.test/y.png')")).toBe('https://a.test/y.png');
    expect(layerUrl('url( https://a.test/z.png )')).toBe('https://a.test/z.png');
    expect(layerUrl('url("https://a.test/q\\"uote.png")')).toBe('https://a.test/q"uote.png');
    expect(layerUrl('url("https://a.test/\\31 .png")')).toBe('https://a.test/1.png');
  });

  it('takes the densest image-set candidate of a type the panel can show', () => {
    expect(layerUrl('image-set(url("https://a.test/1.png") 1x, url("https://a.test/2.png") 2x)')).toBe(
      'https://a.test/2.png',
    );
    expect(
      layerUrl('-webkit-image-set(url("https://a.test/lo.png") 1x, url("https://a.test/hi.png") 3x)'),
    ).toBe('https://a.test/hi.png');
    expect(layerUrl('image-set("https://a.test/s.png" 96dpi, "https://a.test/l.png" 192dpi)')).toBe(
      'https://a.test/l.png',
    );
    expect(
      layerUrl(
        'image-set(url("https://a.test/x.jxl") type("image/jxl") 2x, url("https://a.test/x.avif") type("image/avif") 1x)',
      ),
    ).toBe('https://a.test/x.avif');
    // No resolution means 1x.
    expect(layerUrl('image-set(url("https://a.test/a.png"), url("https://a.test/b.png") 2x)')).toBe(
      'https://a.test/b.png',
    );
  });

  it('has no URL for none, gradients and garbage', () => {
    expect(layerUrl('none')).toBeNull();
    expect(layerUrl('linear-gradient(red, blue)')).toBeNull();
    expect(layerUrl('image-set()')).toBeNull();
    expect(layerUrl('url(')).toBeNull();
  });
});

describe('isPattern', () => {
  it.each([
    ['repeat', 'auto', true],
    ['repeat', '20px 20px', true],
    ['repeat-x', 'auto', true],
    ['space', 'auto', true],
    ['repeat no-repeat', 'auto', true],
    ['repeat', 'contain', true],
    ['no-repeat', 'auto', false],
    ['no-repeat no-repeat', '40px', false],
    ['repeat', 'cover', false],
    ['repeat', '100% 100%', false],
    ['repeat', '120%', false],
    ['repeat', '100% auto', true],
  ])('repeat %s, size %s → pattern %s', (repeat, size, pattern) =>
    expect(isPattern(repeat, size)).toBe(pattern),
  );
});

describe('backgroundUrl', () => {
  it('the topmost layer that paints a picture, skipping gradients and patterns', () => {
    expect(
      backgroundUrl(
        'linear-gradient(rgba(0, 0, 0, 0.4), rgba(0, 0, 0, 0.4)), url("https://a.test/noise.png"), url("https://a.test/hero.jpg")',
        'repeat, repeat, no-repeat',
        'auto, auto, cover',
      ),
    ).toBe('https://a.test/hero.jpg');
  });

  it('cycles the repeat and size lists over the layers, as CSS does', () => {
    expect(backgroundUrl('url("https://a.test/a.jpg"), url("https://a.test/b.jpg")', 'repeat', 'cover')).toBe(
      'https://a.test/a.jpg',
    );
  });

  it('a lone pattern is no picture; without repeat and size a layer repeats at its own size', () => {
    expect(backgroundUrl('url("https://a.test/dots.png")', 'repeat', 'auto')).toBeNull();
    expect(backgroundUrl('url("https://a.test/dots.png")')).toBeNull();
    expect(backgroundUrl('none', 'no-repeat', 'cover')).toBeNull();
  });
});
