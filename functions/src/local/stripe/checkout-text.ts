/** Every string of the local test checkout page, in English and Japanese. */
export const CHECKOUT_TEXT = {
  en: {
    title: 'Test checkout',
    banner: 'TEST — no money moves',
    explain:
      'This page stands in for Stripe Checkout while Mimicit runs in local mode. No card is asked for and nothing is charged. Pay completes the purchase through the real webhook handler, so the credits arrive exactly as they would after a real payment.',
    pack: 'Pack',
    credits: 'Credits',
    amount: 'Amount',
    pay: 'Pay (test)',
    cancel: 'Cancel',
    complete: 'This checkout is complete.',
    continue: 'Back to Mimicit',
    expired: 'This checkout has expired.',
    missing: 'There is no such checkout.',
    failed: 'The webhook did not accept the payment event; nothing was granted. See the local backend log.',
    retry: 'Try again',
    language: '日本語',
  },
  ja: {
    title: 'テスト決済',
    banner: 'テスト — 実際のお金は動きません',
    explain:
      'Mimicit をローカルモードで動かしている間、このページが Stripe Checkout の代わりになります。カード情報は求められず、請求も発生しません。「支払う」を押すと本物の Webhook 処理で購入が完了し、実際の支払い後と同じようにクレジットが付与されます。',
    pack: 'パック',
    credits: 'クレジット',
    amount: '金額',
    pay: '支払う（テスト）',
    cancel: 'キャンセル',
    complete: 'この決済は完了しています。',
    continue: 'Mimicit に戻る',
    expired: 'この決済は期限切れです。',
    missing: 'この決済は見つかりません。',
    failed:
      'Webhook が支払いイベントを受け付けなかったため、何も付与されていません。ローカルバックエンドのログを確認してください。',
    retry: 'もう一度試す',
    language: 'English',
  },
} as const;

export type CheckoutLang = keyof typeof CHECKOUT_TEXT;

/** The page's language: `?lang=`, else the session's locale, else English. */
export function checkoutLang(query: unknown, sessionLocale: string | null | undefined): CheckoutLang {
  if (query === 'ja' || query === 'en') return query;
  return sessionLocale?.startsWith('ja') ? 'ja' : 'en';
}
