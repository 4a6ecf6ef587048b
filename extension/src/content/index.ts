// Content script: registers one message listener and does nothing else until the side panel
// asks. Validated by hand (no zod here: the whole script must stay under 2 KB gzip).
import { readImages } from './collect';
import { readImage } from './read';

chrome.runtime.onMessage.addListener((message: unknown, sender, reply) => {
  if (sender.id !== chrome.runtime.id || typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; url?: unknown };
  if (m.type === 'content/list-images') {
    const start = performance.now();
    const images = readImages(document);
    reply({ ok: true, base: document.baseURI, images, ms: performance.now() - start });
    return false;
  }
  if (m.type === 'content/read-image' && typeof m.url === 'string' && m.url.length <= 2_048) {
    void readImage(m.url).then(reply);
    return true;
  }
  return false;
});
