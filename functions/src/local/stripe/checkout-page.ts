/** The HTML of the local test checkout page: plain forms, no script, clearly marked as a test. */
import { findPack, formatPrice } from '@mimicit/shared';
import type { LocalSession } from './sessions.js';
import { CHECKOUT_TEXT, type CheckoutLang } from './checkout-text.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;margin:0;background:#f4f3fb;color:#1d1b2e}
main{max-width:30rem;margin:3rem auto;padding:0 1rem}
.banner{background:#ffd54a;color:#3b2a00;font-weight:700;text-align:center;padding:.6rem 1rem;border-radius:.5rem;letter-spacing:.03em}
.card{background:#fff;border-radius:.75rem;padding:1.5rem;margin-top:1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem;margin:1rem 0}
dt{color:#5b5873}dd{margin:0;font-weight:600}
.buttons{display:flex;gap:.75rem;margin-top:1.25rem}
button,a.button{font:inherit;padding:.65rem 1.2rem;border-radius:.5rem;border:1px solid #6c5ce7;cursor:pointer;text-decoration:none}
.pay{background:#6c5ce7;color:#fff}.cancel{background:#fff;color:#6c5ce7}
button:focus-visible,a:focus-visible{outline:3px solid #1d1b2e;outline-offset:2px}
.note{color:#5b5873;font-size:.9rem}.error{color:#b3261e}
.lang{display:block;text-align:right;margin-top:1rem;color:#6c5ce7}
@media (prefers-color-scheme:dark){body{background:#15141f;color:#ecebf5}.card{background:#211f30}dt,.note{color:#b4b1c9}.cancel{background:#211f30}}`;

export interface CheckoutView {
  lang: CheckoutLang;
  session?: LocalSession;
  /** The webhook refused the event (shown with a retry). */
  failed?: boolean;
}

function layout(lang: CheckoutLang, body: string, self: string): string {
  const t = CHECKOUT_TEXT[lang];
  const other = lang === 'ja' ? 'en' : 'ja';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(t.title)} · Mimicit</title><style>${STYLE}</style></head><body><main>
<p class="banner" role="note" data-test="test-banner">${esc(t.banner)}</p>
<section class="card">${body}</section>
<a class="lang" href="${esc(`${self}?lang=${other}`)}" lang="${other}">${esc(t.language)}</a>
</main></body></html>`;
}

/** Renders the page for `view` (`self` is the page's own path, for the language link). */
export function renderCheckout({ lang, session, failed }: CheckoutView, self: string): string {
  const t = CHECKOUT_TEXT[lang];
  if (!session) return layout(lang, `<h1>${esc(t.title)}</h1><p>${esc(t.missing)}</p>`, self);
  const success = session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id);
  if (session.status === 'complete') {
    return layout(
      lang,
      `<h1>${esc(t.title)}</h1><p data-test="checkout-complete">${esc(t.complete)}</p><div class="buttons"><a class="button pay" href="${esc(success)}">${esc(t.continue)}</a></div>`,
      self,
    );
  }
  if (session.status === 'expired')
    return layout(lang, `<h1>${esc(t.title)}</h1><p>${esc(t.expired)}</p>`, self);
  const pack = findPack(session.packId);
  const amount = formatPrice(session.amount_total, session.currency, lang === 'ja' ? 'ja-JP' : 'en-US');
  return layout(
    lang,
    `<h1>${esc(t.title)}</h1>
<p class="note">${esc(t.explain)}</p>
${failed ? `<p class="error" role="alert" data-test="checkout-failed">${esc(t.failed)}</p>` : ''}
<dl><dt>${esc(t.pack)}</dt><dd data-test="checkout-pack">${esc(pack ? pack.label[lang] : session.packId)}</dd>
<dt>${esc(t.credits)}</dt><dd>${pack ? pack.credits : '—'}</dd>
<dt>${esc(t.amount)}</dt><dd data-test="checkout-amount">${esc(amount)}</dd></dl>
<div class="buttons">
<form method="post" action="${esc(`${self}/pay?lang=${lang}`)}"><button class="pay" type="submit" data-test="checkout-pay">${esc(failed ? t.retry : t.pay)}</button></form>
<form method="post" action="${esc(`${self}/cancel`)}"><button class="cancel" type="submit" data-test="checkout-cancel">${esc(t.cancel)}</button></form>
</div>`,
    self,
  );
}
