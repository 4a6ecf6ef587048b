// The HTML standard's srcset parsing, checked on the edge cases the standard spells out (and the
// web-platform-tests for it exercise): packed candidates, commas inside and after URLs,
// descriptor validity, parentheses.
import { describe, expect, it } from 'vitest';
import { largestCandidate, parseSrcset } from './srcset';

describe('parseSrcset', () => {
  it.each([
    ['a.jpg', [{ url: 'a.jpg' }]],
    [
      'a.jpg 320w, b.jpg 640w',
      [
        { url: 'a.jpg', width: 320 },
        { url: 'b.jpg', width: 640 },
      ],
    ],
    // Compact: no space after the comma.
    [
      'a.jpg 320w,b.jpg 640w',
      [
        { url: 'a.jpg', width: 320 },
        { url: 'b.jpg', width: 640 },
      ],
    ],
    [
      'a.jpg 1x,b.jpg 2x',
      [
        { url: 'a.jpg', density: 1 },
        { url: 'b.jpg', density: 2 },
      ],
    ],
    // Trailing and leading commas and whitespace never end up in a URL.
    [
      'a.jpg 1x, b.jpg 2x,',
      [
        { url: 'a.jpg', density: 1 },
        { url: 'b.jpg', density: 2 },
      ],
    ],
    [
      ' ,, a.jpg 1x ,\n\tb.jpg 2x , ',
      [
        { url: 'a.jpg', density: 1 },
        { url: 'b.jpg', density: 2 },
      ],
    ],
    // A URL ending in commas has no descriptors: what follows is the next candidate's URL.
    ['a.jpg, b.jpg', [{ url: 'a.jpg' }, { url: 'b.jpg' }]],
    ['a.jpg,, 2x', [{ url: 'a.jpg' }, { url: '2x' }]],
    // Commas inside a URL (data: URLs) belong to it.
    [
      'data:image/png;base64,iVBORw0KGgo= 1x, b.jpg 2x',
      [
        { url: 'data:image/png;base64,iVBORw0KGgo=', density: 1 },
        { url: 'b.jpg', density: 2 },
      ],
    ],
    ['a.jpg?x=1,2 640w', [{ url: 'a.jpg?x=1,2', width: 640 }]],
    // Floating-point densities as the standard defines them.
    ['a.jpg 1.5x', [{ url: 'a.jpg', density: 1.5 }]],
    ['a.jpg .5x', [{ url: 'a.jpg', density: 0.5 }]],
    ['a.jpg 1e1x', [{ url: 'a.jpg', density: 10 }]],
    ['a.jpg 0x', [{ url: 'a.jpg', density: 0 }]],
    // Width with the future-compat height.
    ['a.jpg 100w 50h', [{ url: 'a.jpg', width: 100, height: 50 }]],
    ['', []],
    [' , , ', []],
  ])('%j', (input, expected) => {
    expect(parseSrcset(input)).toEqual(expected);
  });

  it.each([
    'a.jpg 2x 3x', // two densities
    'a.jpg 100w 2x', // width and density
    'a.jpg 100w 200w', // two widths
    'a.jpg 0w', // zero width
    'a.jpg -100w', // not a non-negative integer
    'a.jpg 1.5w', // width must be an integer
    'a.jpg -2x', // negative density
    'a.jpg +2x', // not a valid floating-point number
    'a.jpg 2.x',
    'a.jpg 1e+x',
    'a.jpg x',
    'a.jpg 100h', // height without width
    'a.jpg 50h 2x',
    'a.jpg 100w 0h',
    'a.jpg 2X', // descriptors are case-sensitive
    'a.jpg big',
    'a.jpg (1x, 2x) 2x', // a parenthesised descriptor is one (invalid) descriptor
  ])('drops the invalid candidate in %j', (input) => {
    expect(parseSrcset(`${input}, ok.jpg 640w`)).toEqual([{ url: 'ok.jpg', width: 640 }]);
  });

  it('lets an unclosed parenthesis swallow the rest of the attribute', () => {
    expect(parseSrcset('ok.jpg 640w, a.jpg 2x (unclosed, b.jpg 3x')).toEqual([{ url: 'ok.jpg', width: 640 }]);
  });
});

describe('largestCandidate', () => {
  const pick = (srcset: string) => largestCandidate(parseSrcset(srcset))?.url ?? null;

  it('takes the widest by w, the densest by x (no descriptor = 1x), the first on a tie', () => {
    expect(pick('a.jpg 320w,b.jpg 640w')).toBe('b.jpg');
    expect(pick('b.jpg 1600w, a.jpg 400w, c.jpg 800w')).toBe('b.jpg');
    expect(pick('a.jpg, b.jpg 2x, c.jpg 1.5x')).toBe('b.jpg');
    expect(pick('a.jpg 2x, b.jpg 2x')).toBe('a.jpg');
    expect(pick('a.jpg 0.5x, b.jpg')).toBe('b.jpg');
  });

  it('prefers candidates with a known width in a mixed list', () => {
    expect(pick('a.jpg 3x, b.jpg 640w')).toBe('b.jpg');
  });

  it('skips candidates the caller cannot use', () => {
    const candidates = parseSrcset('javascript:x 4000w, ok.jpg 640w');
    expect(largestCandidate(candidates, (c) => !c.url.startsWith('javascript:'))?.url).toBe('ok.jpg');
    expect(pick('')).toBeNull();
  });
});
