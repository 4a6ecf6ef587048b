// What an image dragged onto the side panel is: Chromium's text/html and text/uri-list of a page
// image (also inside a link), desktop files, and what is refused.
import { describe, expect, it } from 'vitest';
import { mayBeImage, readDrop, type DropData } from './dropped-image';

const BASE = 'https://shop.test/products/fox.html';
const drop = (data: Partial<DropData>): DropData => ({ uriList: '', html: '', files: [], ...data });
const none = () => false;

describe('readDrop', () => {
  it('takes the image’s own address from the HTML, not the link around it', () => {
    const verdict = readDrop(
      drop({
        uriList: 'https://shop.test/products/fox.html',
        html: '<meta charset="utf-8"><a href="/products/fox.html"><img src="https://cdn.shop.test/fox.jpg" alt="fox"></a>',
      }),
      BASE,
      none,
    );
    expect(verdict).toEqual({ ok: true, url: 'https://cdn.shop.test/fox.jpg' });
  });

  it('prefers the largest srcset candidate and resolves relative addresses against the page', () => {
    expect(
      readDrop(drop({ html: '<img src="/s.jpg" srcset="/s.jpg 400w, /l.jpg 1600w">' }), BASE, none),
    ).toEqual({ ok: true, url: 'https://shop.test/l.jpg' });
  });

  it('accepts an address that is a listed page image or looks like an image file', () => {
    expect(readDrop(drop({ uriList: '# comment\r\nhttps://a.test/pic.webp' }), BASE, none)).toEqual({
      ok: true,
      url: 'https://a.test/pic.webp',
    });
    const listed = 'https://a.test/render?id=7';
    expect(readDrop(drop({ uriList: listed }), BASE, (u) => u === listed)).toEqual({ ok: true, url: listed });
  });

  it('accepts an image file within 10 MB and refuses a larger one', () => {
    const small = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    expect(readDrop(drop({ files: [small] }), BASE, none)).toEqual({ ok: true, file: small });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'b.png', { type: 'image/png' });
    expect(readDrop(drop({ files: [big] }), BASE, none)).toEqual({ ok: false, reason: 'image-too-large' });
  });

  it('refuses text, links to pages, other files and unusable schemes', () => {
    for (const data of [
      drop({ html: '<p>Some selected text</p>' }),
      drop({
        uriList: 'https://a.test/article.html',
        html: '<a href="https://a.test/article.html">read</a>',
      }),
      drop({ files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] }),
      drop({ uriList: 'javascript:alert(1)' }),
      drop({ html: '<img src="javascript:alert(1)">' }),
      drop({}),
    ]) {
      expect(readDrop(data, BASE, none)).toEqual({ ok: false, reason: 'not-image' });
    }
  });
});

describe('mayBeImage', () => {
  it('lets drags with addresses, HTML or files in, not plain text', () => {
    expect(mayBeImage(['text/uri-list', 'text/html'])).toBe(true);
    expect(mayBeImage(['Files'])).toBe(true);
    expect(mayBeImage(['text/plain'])).toBe(false);
  });
});
