// The content script at injection: one chrome message listener, no DOM listeners, no work until
// asked. `chrome` is faked at the API boundary; addEventListener is wrapped before the script
// loads, as a page would do to watch it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string }, reply: (r: unknown) => void) => boolean;
const chromeListeners: Listener[] = [];
/** Every addEventListener call seen, and the ones made from the content script's own files. */
const allListeners: string[] = [];
const domListeners: string[] = [];
const CONTENT_FILE = /src[\\/]content[\\/](index|collect|read)\.ts/;
const originals = new Map<object, EventTarget['addEventListener']>();

function wrap(target: { addEventListener: EventTarget['addEventListener'] }, name: string): void {
  const original = target.addEventListener;
  originals.set(target, original);
  target.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
    allListeners.push(`${name}:${type}`);
    // happy-dom adds its own internal listeners (abort signals of image loads): only calls made
    // from the content script's files count.
    if (CONTENT_FILE.test(new Error().stack ?? '')) domListeners.push(`${name}:${type}`);
    return (original as (...a: unknown[]) => void).call(this, type, ...rest);
  };
}

beforeAll(async () => {
  wrap(EventTarget.prototype, 'EventTarget');
  // happy-dom's elements may inherit addEventListener from their own base class.
  let owner: object | null = document.createElement('img');
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'addEventListener'))
    owner = Object.getPrototypeOf(owner);
  if (owner && owner !== EventTarget.prototype) wrap(owner as EventTarget, 'EventTarget');
  wrap(window, 'window');
  wrap(document, 'document');
  vi.stubGlobal('chrome', {
    runtime: { id: 'our-extension', onMessage: { addListener: (l: Listener) => chromeListeners.push(l) } },
  });
  document.body.innerHTML = '<img src="/a.jpg" width="100" height="100">';
  await import('./index');
});
afterAll(() => {
  for (const [target, original] of originals) (target as EventTarget).addEventListener = original;
  vi.unstubAllGlobals();
});

function send(message: unknown, sender = { id: 'our-extension' }): { handled: boolean; reply: unknown } {
  let reply: unknown = 'no reply';
  const handled = chromeListeners[0]!(message, sender, (r) => (reply = r));
  return { handled, reply };
}

describe('content script', () => {
  it('registers exactly one chrome message listener and no DOM listener', () => {
    expect(chromeListeners).toHaveLength(1);
    expect(domListeners).toEqual([]);
  });

  it('answers list-images with the images and the time it took, still adding no listener', () => {
    const { handled, reply } = send({ type: 'content/list-images' });
    expect(handled).toBe(false);
    expect(reply).toMatchObject({ ok: true, ms: expect.any(Number) });
    expect(domListeners).toEqual([]);
  });

  it.each([
    ['an unknown type', { type: 'content/read-cookies' }],
    ['a non-object', 'content/list-images'],
    ['null', null],
    ['a read without a URL', { type: 'content/read-image' }],
    [
      'a read with an oversized URL',
      { type: 'content/read-image', url: `https://a.test/${'x'.repeat(3000)}` },
    ],
  ])('ignores %s', (_, message) => {
    expect(send(message)).toEqual({ handled: false, reply: 'no reply' });
  });

  it('ignores messages from another extension', () => {
    expect(send({ type: 'content/list-images' }, { id: 'someone-else' })).toEqual({
      handled: false,
      reply: 'no reply',
    });
  });

  it('the spy itself sees listeners (so the empty lists above mean something)', () => {
    const noop = () => undefined;
    const before = allListeners.length;
    document.addEventListener('click', noop);
    document.body.addEventListener('scroll', noop);
    expect(allListeners.slice(before)).toEqual(
      expect.arrayContaining(['document:click', 'EventTarget:scroll']),
    );
  });
});
