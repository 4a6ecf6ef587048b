/** The terms of service, in our own words. */
import type { LegalDocument } from './types';

export const terms: LegalDocument = {
  updated: '2026-11-24',
  en: [
    {
      title: 'The service',
      paragraphs: [
        'Mimicit turns images you choose into prompts and new images using AI models from Google, OpenAI and Black Forest Labs. You use it through this website and the Chrome extension, signed in with Google.',
      ],
    },
    {
      title: 'Credits',
      paragraphs: [
        'Describing an image and generating images cost credits; each model shows its cost before you commit. Credits are reserved when you start and returned automatically when a generation fails, so a failed generation is never charged.',
        'Credit packs are bought through Stripe Checkout. Credits have no cash value and are not transferable. Unused credits are lost when you delete your account.',
      ],
    },
    {
      title: 'Your content and responsibility',
      paragraphs: [
        'Use only images you have the right to use, and follow the law and the usage policies of the model providers. Do not use Mimicit to create illegal, harmful or infringing content. Providers may refuse requests for safety reasons; refused requests are not charged.',
        'AI results can be inaccurate or unexpected. You are responsible for how you use them.',
      ],
    },
    {
      title: 'Availability',
      paragraphs: [
        'We work to keep Mimicit available, but models and providers can be slow or unavailable. We may change the available models and prices; the cost shown before you generate is the one that applies.',
      ],
    },
    {
      title: 'Ending your account',
      paragraphs: [
        'You can delete your account at any time from your Profile. We may suspend accounts that break these terms. How we handle your data is described in the privacy policy.',
      ],
    },
    {
      title: 'Age',
      paragraphs: ['You must be at least 13 years old to use Mimicit.'],
    },
  ],
  ja: [
    {
      title: 'サービスについて',
      paragraphs: [
        'Mimicit は、あなたが選んだ画像を、Google・OpenAI・Black Forest Labs の AI モデルを使ってプロンプトや新しい画像に変えるサービスです。Google でログインし、このウェブサイトと Chrome 拡張機能から利用します。',
      ],
    },
    {
      title: 'クレジット',
      paragraphs: [
        '画像の描写と画像の生成にはクレジットを使います。各モデルの必要クレジットは実行前に表示されます。クレジットは開始時に確保され、生成が失敗した場合は自動で返却されるため、失敗した生成に課金されることはありません。',
        'クレジットのパックは Stripe Checkout で購入します。クレジットに換金性はなく、譲渡もできません。アカウントを削除すると、未使用のクレジットは失われます。',
      ],
    },
    {
      title: 'コンテンツと責任',
      paragraphs: [
        '利用する権利のある画像だけを使い、法令と各モデル提供元の利用規約に従ってください。違法、有害、または権利を侵害するコンテンツの作成に Mimicit を使わないでください。提供元は安全上の理由でリクエストを断ることがあり、断られたリクエストには課金されません。',
        'AI の結果は不正確だったり予想と異なったりすることがあります。結果の使い方はご自身の責任となります。',
      ],
    },
    {
      title: '提供状況',
      paragraphs: [
        'Mimicit を利用できる状態に保つよう努めますが、モデルや提供元が遅くなったり利用できなくなったりすることがあります。利用できるモデルや価格は変わることがあり、生成の前に表示された必要クレジットが適用されます。',
      ],
    },
    {
      title: 'アカウントの終了',
      paragraphs: [
        'プロフィールのページからいつでもアカウントを削除できます。この規約に違反したアカウントは停止することがあります。データの取り扱いはプライバシーポリシーに記載しています。',
      ],
    },
    {
      title: '年齢',
      paragraphs: ['Mimicit の利用は 13 歳以上の方に限ります。'],
    },
  ],
};
