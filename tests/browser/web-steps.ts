// Steps the web journeys share: the header's balance and the main navigation, as a person sees them.
import type { Page } from 'playwright-core';
import { WEB_ORIGIN } from '../harness/e2e-builds';

/** Waits until the header shows a balance of `n` credits (it follows the account live). */
export async function expectBalanceOn(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-test=balance]')?.textContent?.match(/\d+/)?.[0] === String(want),
    n,
  );
}

/** Follows the main navigation's link to `/name`. */
export async function navOn(page: Page, name: string): Promise<void> {
  await page.click(`[data-test=nav-${name}]`);
  await page.waitForURL(`${WEB_ORIGIN}/${name}`);
}

/**
 * Where the text of the elements matching `selector` wraps inside a word, as laid out now: each
 * line break must fall at a space or before an opening bracket ("（", "("). Returns the text
 * around each break that does not, as `before|after` (none: empty). A no-break space is not a
 * place to break. Throws when nothing matches, so a renamed element cannot pass unseen.
 */
export async function midWordBreaksOn(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => {
    if (!elements.length) throw new Error('no element to check');
    const bad: string[] = [];
    for (const el of elements) {
      const chars: { c: string; top: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A space that ends a line may have no box of its own.
          chars.push({ c: text[i]!, top: range.getClientRects()[0]?.top ?? NaN });
        }
      }
      let last = -1;
      chars.forEach(({ top }, i) => {
        if (Number.isNaN(top)) return;
        if (last >= 0 && top > chars[last]!.top + 2) {
          const gap = chars
            .slice(last, i)
            .map((x) => x.c)
            .join('');
          if (!/[ \t\n]/.test(gap) && !/[（(]/.test(chars[i]!.c)) {
            const text = chars.map((x) => x.c).join('');
            bad.push(`${text.slice(0, i)}|${text.slice(i)}`);
          }
        }
        last = i;
      });
    }
    return bad;
  });
}
