/** The privacy policy, in our own words, from the promises in PRODUCT.md. */
import type { LegalDocument } from './types';

export const privacy: LegalDocument = {
  updated: '2026-12-02',
  en: [
    {
      title: 'What we collect',
      paragraphs: [
        'Only what the service needs: your account (email address, name and photo from Google), the prompts you write or receive, the results we generate for you, the models and settings you used, your favorites, your credit and purchase records, and access logs (IP address, browser, time, operation and the extension version).',
        'We never see or store a password: you sign in with Google.',
      ],
    },
    {
      title: 'What we never collect',
      paragraphs: [
        'Source images are processed in memory and never stored. We do not collect the addresses of the pages you visit, page text, form input or other sites’ cookies. The Chrome extension only lists the visible images of the page you open it on, when you ask it to: image elements (also those inside a page’s open shadow roots) and elements showing a large CSS background image — for each, only its address, its size and, for image elements, its alt text. It reads nothing else from the page; the images you pick go to the chosen model’s provider only when you describe or generate, and are not stored.',
      ],
    },
    {
      title: 'How long we keep it',
      paragraphs: [
        'Generated images and history: until you delete them or your account.',
        'Access logs: deleted after 90 days.',
        'When you delete your account, your history and images are deleted at once and all personal data is gone within 30 days of the request (backups rotate within 30 days).',
        'Payment records are kept as tax law requires, up to 7 years, with the part that identifies you minimized.',
      ],
    },
    {
      title: 'Who processes your data',
      paragraphs: [
        'Google (sign-in, hosting, Gemini and Imagen models), OpenAI (GPT models), Black Forest Labs through fal (FLUX models) and Stripe (payments).',
        'Your prompt and source image go to the chosen model’s provider only when you click Describe or Generate. Stripe handles card details; we receive only the transaction id, amount and time.',
        'So that automated sign-ups cannot drain the free credits, the web app checks with Google reCAPTCHA Enterprise (through Firebase App Check) that it runs in a real browser when you sign in, buy credits or connect the extension. For this check Google receives information about your browser and may set its own cookie; Google’s privacy policy and terms apply. We receive only whether the check passed.',
      ],
    },
    {
      title: 'Cookies',
      paragraphs: [
        'We set one cookie of our own, mimicit-locale, to remember your language. Sign-in sessions, where a cookie is used, are Secure, HttpOnly and SameSite=Lax.',
        'When you sign in, buy credits or connect the extension, Google reCAPTCHA Enterprise (the browser check described above) may set a necessary security cookie of Google’s own (_GRECAPTCHA) on your browser, which Google uses for that risk check. We never read it.',
        'No ads, no trackers, no analytics cookies.',
      ],
    },
    {
      title: 'Your rights',
      paragraphs: [
        'You can access, correct, delete and export all your data. On your Profile page you can download everything as a JSON file and delete your account. You can withdraw your consent at any time by deleting your account.',
      ],
    },
    {
      title: 'Children',
      paragraphs: ['Mimicit is not for children under 13.'],
    },
  ],
  ja: [
    {
      title: '収集する情報',
      paragraphs: [
        'サービスに必要なものだけです：アカウント（Google から受け取るメールアドレス、名前、写真）、あなたが書いたり受け取ったりしたプロンプト、生成した結果、使用したモデルと設定、お気に入り、クレジットと購入の記録、アクセスログ（IP アドレス、ブラウザ、日時、操作、拡張機能のバージョン）。',
        'ログインは Google で行うため、パスワードを見たり保存したりすることはありません。',
      ],
    },
    {
      title: '収集しない情報',
      paragraphs: [
        '元の画像はメモリ上で処理するだけで、保存しません。閲覧したページのアドレス、ページの本文、フォームの入力内容、他のサイトの Cookie は収集しません。Chrome 拡張機能は、あなたが操作したときに、開いているページの表示中の画像を一覧にするだけです。対象は画像要素（ページのオープンな Shadow DOM 内のものを含む）と、大きな CSS 背景画像を表示している要素で、読み取るのはそれぞれのアドレスとサイズ、画像要素の代替テキスト（alt）だけです。ページのそれ以外の内容は読み取りません。選んだ画像は、プロンプト化または生成を実行したときにだけ、選んだモデルの提供元に送られます。保存はしません。',
      ],
    },
    {
      title: '保存期間',
      paragraphs: [
        '生成した画像と履歴：あなたが削除するか、アカウントを削除するまで。',
        'アクセスログ：90 日後に削除します。',
        'アカウントを削除すると、履歴と画像はすぐに削除され、個人データは申請から 30 日以内にすべて消去されます（バックアップも 30 日以内に入れ替わります）。',
        '支払いの記録は税法に従い最長 7 年間保存し、個人を特定する部分は最小化します。',
      ],
    },
    {
      title: 'データを取り扱う事業者',
      paragraphs: [
        'Google（ログイン、ホスティング、Gemini・Imagen モデル）、OpenAI（GPT モデル）、fal を通じた Black Forest Labs（FLUX モデル）、Stripe（決済）。',
        'プロンプトと元の画像は、あなたが「描写する」または「生成する」を押したときにだけ、選んだモデルの提供元に送られます。カード情報は Stripe が扱い、私たちが受け取るのは取引 ID・金額・日時のみです。',
        'ボットによる大量登録で無料クレジットが使われないよう、ウェブアプリはログイン、クレジットの購入、拡張機能の接続のときに、Google reCAPTCHA Enterprise（Firebase App Check 経由）で実際のブラウザから使われていることを確認します。この確認のため、Google はお使いのブラウザに関する情報を受け取り、Google 自身の Cookie を設定することがあります。Google のプライバシーポリシーと利用規約が適用されます。私たちが受け取るのは確認に通ったかどうかだけです。',
      ],
    },
    {
      title: 'Cookie',
      paragraphs: [
        '私たちが設定する Cookie は、言語を記憶する mimicit-locale の 1 つだけです。ログインのセッションに Cookie を使う場合は Secure・HttpOnly・SameSite=Lax とします。',
        'ログイン、クレジットの購入、拡張機能の接続のときには、Google reCAPTCHA Enterprise（上記のブラウザ確認）が、Google 自身の必要なセキュリティ用 Cookie（_GRECAPTCHA）をお使いのブラウザに設定することがあります。Google はこれをその確認（リスク分析）に使います。私たちがこの Cookie を読むことはありません。',
        '広告、トラッカー、分析用の Cookie はありません。',
      ],
    },
    {
      title: 'あなたの権利',
      paragraphs: [
        'すべてのデータの開示、訂正、削除、書き出しを求めることができます。プロフィールのページから、すべてのデータを JSON ファイルでダウンロードしたり、アカウントを削除したりできます。アカウントを削除することで、いつでも同意を撤回できます。',
      ],
    },
    {
      title: 'お子さまについて',
      paragraphs: ['Mimicit は 13 歳未満の方を対象としていません。'],
    },
  ],
};
