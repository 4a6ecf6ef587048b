/**
 * The HTML standard's "parse a srcset attribute" algorithm
 * (https://html.spec.whatwg.org/multipage/images.html#parse-a-srcset-attribute), step by step,
 * so the side panel reads a page's srcset exactly as the browser does: candidates may be packed
 * without spaces (`a.jpg 1x,b.jpg 2x`), URLs may contain commas (`data:` URLs), trailing commas
 * end a URL, and a candidate with invalid descriptors is dropped, not guessed at.
 */

/** One image candidate: its URL as written and its descriptor (none means 1x). */
export interface SrcsetCandidate {
  url: string;
  /** `w` descriptor: the image's width in pixels. */
  width?: number;
  /** `x` descriptor: pixel density. */
  density?: number;
  /** The `h` descriptor (future-compat): height in pixels, only valid next to a width. */
  height?: number;
}

const WHITESPACE = /[\t\n\f\r ]/;
const NON_NEGATIVE_INTEGER = /^\d+$/;
/** The standard's "valid floating-point number". */
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Splits what follows a URL into descriptors (the standard's tokenizer, parentheses included). */
function tokenize(input: string, start: number): { descriptors: string[]; end: number } {
  const descriptors: string[] = [];
  let position = start;
  while (position < input.length && WHITESPACE.test(input[position]!)) position++;
  let current = '';
  let state: 'in descriptor' | 'in parens' | 'after descriptor' = 'in descriptor';
  for (; ; position++) {
    const c = input[position];
    if (state === 'in descriptor') {
      if (c === undefined) {
        if (current) descriptors.push(current);
        return { descriptors, end: position };
      }
      if (WHITESPACE.test(c)) {
        if (current) descriptors.push(current);
        current = '';
        state = 'after descriptor';
      } else if (c === ',') {
        if (current) descriptors.push(current);
        return { descriptors, end: position + 1 };
      } else {
        current += c;
        if (c === '(') state = 'in parens';
      }
    } else if (state === 'in parens') {
      if (c === undefined) {
        descriptors.push(current);
        return { descriptors, end: position };
      }
      current += c;
      if (c === ')') state = 'in descriptor';
    } else if (c === undefined) {
      return { descriptors, end: position };
    } else if (!WHITESPACE.test(c)) {
      state = 'in descriptor';
      position--; // Reconsume this character in the descriptor state.
    }
  }
}

/** The standard's descriptor parser: a candidate, or null when any descriptor is invalid. */
function candidateFrom(url: string, descriptors: readonly string[]): SrcsetCandidate | null {
  const candidate: SrcsetCandidate = { url };
  for (const descriptor of descriptors) {
    const value = descriptor.slice(0, -1);
    const kind = descriptor.at(-1);
    if (kind === 'w' && NON_NEGATIVE_INTEGER.test(value)) {
      if (candidate.width !== undefined || candidate.density !== undefined) return null;
      const width = Number(value);
      if (width === 0) return null;
      candidate.width = width;
    } else if (kind === 'x' && FLOAT.test(value)) {
      if (candidate.width !== undefined || candidate.density !== undefined) return null;
      if (candidate.height !== undefined) return null;
      const density = Number(value);
      if (density < 0) return null;
      candidate.density = density;
    } else if (kind === 'h' && NON_NEGATIVE_INTEGER.test(value)) {
      if (candidate.height !== undefined || candidate.density !== undefined) return null;
      const height = Number(value);
      if (height === 0) return null;
      candidate.height = height;
    } else {
      return null;
    }
  }
  if (candidate.height !== undefined && candidate.width === undefined) return null;
  return candidate;
}

/** Every valid candidate of a srcset attribute value, in order. */
export function parseSrcset(input: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let position = 0;
  while (true) {
    // Splitting loop: skip whitespace and commas between candidates.
    while (position < input.length && (WHITESPACE.test(input[position]!) || input[position] === ',')) {
      position++;
    }
    if (position >= input.length) return candidates;
    const urlStart = position;
    while (position < input.length && !WHITESPACE.test(input[position]!)) position++;
    let url = input.slice(urlStart, position);
    let descriptors: string[] = [];
    if (url.endsWith(',')) {
      // A URL ending in commas has no descriptors: the commas end the candidate.
      url = url.replace(/,+$/, '');
    } else {
      ({ descriptors, end: position } = tokenize(input, position));
    }
    const candidate = candidateFrom(url, descriptors);
    if (candidate) candidates.push(candidate);
  }
}

/**
 * The largest candidate: the widest when the srcset uses width descriptors, else the densest
 * (a candidate without a descriptor counts as 1x). On a tie the first one wins, as in the
 * standard's removal of duplicate descriptors. `usable` filters out URLs the caller cannot use.
 */
export function largestCandidate(
  candidates: readonly SrcsetCandidate[],
  usable: (c: SrcsetCandidate) => boolean = () => true,
): SrcsetCandidate | null {
  const pool = candidates.filter(usable);
  const widths = pool.filter((c) => c.width !== undefined);
  const ranked = widths.length ? widths : pool;
  const size = (c: SrcsetCandidate) => c.width ?? c.density ?? 1;
  let best: SrcsetCandidate | null = null;
  for (const c of ranked) if (!best || size(c) > size(best)) best = c;
  return best;
}
