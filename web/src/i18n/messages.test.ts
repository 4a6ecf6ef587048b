import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  CHECKOUT_RETURN_PATHS,
  ERROR_REASONS,
  EXTENSION_CONNECT_PATH,
  LEDGER_REASONS,
  PROMPT_STYLES,
} from '@mimicit/shared';
import en from './en';
import ja from './ja';
import { privacy } from '../pages/legal/privacy';
import { terms } from '../pages/legal/terms';
import { CHECKOUT_RETURN_PATHS_LITE, EXTENSION_CONNECT_PATH_LITE } from '../router/paths';
import { ACCOUNT_DELETION_GRACE_DAYS_LITE } from '../stores/profile';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `path → value`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

describe('i18n messages', () => {
  const enLeaves = leaves(en as unknown as Tree);
  const jaLeaves = leaves(ja as unknown as Tree);

  it('English and Japanese have exactly the same keys', () => {
    expect([...jaLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(250);
  });

  it('no message is empty in either language', () => {
    for (const [key, value] of [...enLeaves, ...jaLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('Japanese is actually translated (not a copy of English) outside proper names', () => {
    const same = [...enLeaves].filter(([k, v]) => jaLeaves.get(k) === v).map(([k]) => k);
    expect(
      same.every((k) => /name|rights|urlPlaceholder|deleteWord|style\.(midjourney|stable)/.test(k)),
    ).toBe(true);
  });

  it('placeholders match between the languages', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const [key, value] of enLeaves) expect(names(jaLeaves.get(key) ?? ''), key).toEqual(names(value));
  });

  it('has an actionable message for every server error reason', () => {
    for (const reason of ERROR_REASONS) {
      expect(en.errors.reason[reason], reason).toBeTruthy();
      expect(ja.errors.reason[reason], reason).toBeTruthy();
    }
  });

  it('names every ledger reason and prompt style', () => {
    for (const r of LEDGER_REASONS) expect(en.credits.reason[r]).toBeTruthy();
    for (const s of PROMPT_STYLES) expect(en.generate.style[s]).toBeTruthy();
  });

  it('legal pages have the same sections in both languages, none empty', () => {
    for (const doc of [privacy, terms]) {
      expect(doc.ja.length).toBe(doc.en.length);
      doc.en.forEach((s, i) => expect(doc.ja[i]?.paragraphs.length).toBe(s.paragraphs.length));
      for (const s of [...doc.en, ...doc.ja]) {
        expect(s.title.trim()).not.toBe('');
        for (const p of s.paragraphs) expect(p.trim()).not.toBe('');
      }
    }
  });

  it('the router paths and the deletion grace period mirror the shared constants', () => {
    expect(CHECKOUT_RETURN_PATHS_LITE).toEqual(CHECKOUT_RETURN_PATHS);
    expect(EXTENSION_CONNECT_PATH_LITE).toBe(EXTENSION_CONNECT_PATH);
    expect(ACCOUNT_DELETION_GRACE_DAYS_LITE).toBe(ACCOUNT_DELETION_GRACE_DAYS);
  });

  it('Japanese puts no space between Japanese text and a placeholder that holds Japanese', () => {
    // {pack} is a Japanese pack name and {date}/{purge} a date like 2026年5月15日 in ja.
    const japanese = '[\\u3040-\\u30ff\\u4e00-\\u9fff（「]';
    const stray = new RegExp(`\\{(pack|date|purge)\\} ${japanese}|${japanese} \\{(pack|date|purge)\\}`);
    const offenders = [...jaLeaves].filter(([, v]) => stray.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
    expect(ja.credits.buy).toBe('{pack}を購入');
  });

  it('the footer and the Privacy page are truthful about cookies: ours is the language, Google’s check may add one', () => {
    // App Check's reCAPTCHA Enterprise sets a necessary cookie (_GRECAPTCHA) in production.
    expect(en.footer.noTrackers).toMatch(/No ads, no trackers/);
    expect(en.footer.noTrackers).toMatch(/Google/);
    expect(ja.footer.noTrackers).toMatch(/Google/);
    for (const lang of ['en', 'ja'] as const) {
      const cookies = privacy[lang].find((s) => /Cookie/.test(s.title))!.paragraphs.join(' ');
      expect(cookies).toContain('mimicit-locale');
      expect(cookies).toContain('_GRECAPTCHA');
    }
  });

  it('remix strings (issue 18) are grouped under `remix`, with every role and stored setting named', () => {
    for (const r of ['subject', 'scene', 'style', 'plain'] as const) expect(ja.remix.role[r]).toBeTruthy();
    expect(Object.keys(en.remix.setting)).toEqual(
      expect.arrayContaining(['referenceRoles', 'seed', 'resolution', 'aspectRatio']),
    );
  });
});
