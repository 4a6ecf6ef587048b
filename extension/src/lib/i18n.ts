/**
 * The side panel's strings in English and Japanese. A typed dictionary instead of vue-i18n
 * keeps the panel small; `ja` must have every key of `en` (checked by the type).
 */
import { ref } from 'vue';
import type { Locale } from '@mimicit/shared';

const en = {
  credits: '{n} credits',
  creditsOne: '{n} credit',
  creditsUnknown: '— credits',
  language: 'Language',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInTitle: 'Sign in to describe and generate',
  signInBody: 'Sign in with Google on the Mimicit website; the extension signs in with the same account.',
  signInWaiting: 'Finish signing in on the Mimicit tab…',
  signInFailed: 'Sign-in failed. Open the website and try again.',
  signedInAs: 'Signed in as {name}',
  imagesTitle: 'Images on this page',
  imagesCount: '{n} images',
  refresh: 'Refresh',
  imagesLoading: 'Looking for images…',
  imagesEmpty: 'No images found on this page.',
  imagesUnavailable:
    'This page cannot be read. Browser pages and the Web Store are off limits; for a page opened before Mimicit was installed, reload it.',
  selectImage: 'Pick an image above, or right-click an image on the page and choose “Mimic this image”.',
  selected: 'Selected image',
  describeTitle: 'Image → prompt',
  generateTitle: 'Generate an image',
  model: 'Model',
  aspectRatio: 'Aspect ratio',
  resolution: 'Resolution',
  useReference: 'Use the selected image as a reference',
  describeAction: 'Describe · {cost}',
  generateAction: 'Generate · {cost}',
  promptLabel: 'Prompt (edit it freely)',
  promptPlaceholder: 'Describe the image you want, or describe the selected image first.',
  working: 'Working…',
  copy: 'Copy',
  copied: 'Copied',
  download: 'Download',
  favorite: 'Favorite',
  unfavorite: 'Remove favorite',
  recentTitle: 'Recent results',
  recentEmpty: 'Your results will appear here.',
  openHistory: 'Open the full history',
  buyCredits: 'Buy credits',
  usePrompt: 'Use this prompt',
  statusPending: 'In progress',
  statusFailed: 'Failed',
  kindPrompt: 'Prompt',
  kindImage: 'Image',
  errorGeneric: 'Something went wrong. Please try again.',
  'error.insufficient-credits': 'Not enough credits. Buy more on the website.',
  'error.rate-limited': 'Too many requests. Wait a minute and try again.',
  'error.too-many-pending': 'Several generations are still running. Wait for one to finish.',
  'error.image-too-large': 'The image is larger than 10 MB.',
  'error.image-unsupported-type': 'This image type is not supported.',
  'error.image-unreadable': 'The image could not be read.',
  'error.image-fetch-failed': 'The image could not be downloaded.',
  'error.url-not-allowed': 'This image address is not allowed.',
  'error.prompt-too-long': 'The prompt is too long.',
  'error.provider-safety': 'The model refused this request for safety reasons.',
  'error.provider-unavailable': 'The model is unavailable right now. Your credits were refunded.',
  'error.provider-timeout': 'The model took too long. Your credits were refunded.',
  'error.unauthenticated': 'Your session expired. Sign in again.',
  // Model catalog (issue 14)
  'error.model-unavailable':
    'This model cannot be used right now. Choose another model; nothing was charged.',
  'error.provider-no-image':
    'The model returned no image. Describe the picture more concretely. Credits refunded.',
  'model.unavailable.retired': 'retired by its provider',
  'model.unavailable.disabled': 'switched off for now',
  priceAt: '{price} at {resolution}',
  // Production-correctness reasons (issue 15).
  'error.account-deleted': 'This account was deleted. Sign out, then sign in again to start a new one.',
  'error.session-revoked': 'You were signed out on every device. Sign in again.',
  'error.extension-not-allowed': 'This is not the official Mimicit extension, so it cannot sign in.',
};

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  credits: '{n} クレジット',
  creditsOne: '{n} クレジット',
  creditsUnknown: '— クレジット',
  language: '言語',
  signIn: 'サインイン',
  signOut: 'サインアウト',
  signInTitle: 'サインインしてプロンプト化・画像生成',
  signInBody:
    'Mimicit のウェブサイトで Google アカウントでサインインすると、拡張機能も同じアカウントでサインインします。',
  signInWaiting: 'Mimicit のタブでサインインを完了してください…',
  signInFailed: 'サインインに失敗しました。ウェブサイトを開いてもう一度お試しください。',
  signedInAs: '{name} でサインイン中',
  imagesTitle: 'このページの画像',
  imagesCount: '{n} 枚',
  refresh: '再読み込み',
  imagesLoading: '画像を探しています…',
  imagesEmpty: 'このページに画像は見つかりませんでした。',
  imagesUnavailable:
    'このページは読み取れません。ブラウザーのページやウェブストアは対象外です。Mimicit の導入前に開いたページは再読み込みしてください。',
  selectImage: '上の画像を選ぶか、ページ上の画像を右クリックして「この画像を Mimic する」を選んでください。',
  selected: '選択中の画像',
  describeTitle: '画像 → プロンプト',
  generateTitle: '画像を生成',
  model: 'モデル',
  aspectRatio: 'アスペクト比',
  resolution: '解像度',
  useReference: '選択中の画像を参照画像として使う',
  describeAction: 'プロンプト化 · {cost}',
  generateAction: '生成 · {cost}',
  promptLabel: 'プロンプト（自由に編集できます）',
  promptPlaceholder: '作りたい画像を説明するか、先に選択中の画像をプロンプト化してください。',
  working: '処理中…',
  copy: 'コピー',
  copied: 'コピーしました',
  download: 'ダウンロード',
  favorite: 'お気に入り',
  unfavorite: 'お気に入りを解除',
  recentTitle: '最近の結果',
  recentEmpty: '結果はここに表示されます。',
  openHistory: '履歴をすべて見る',
  buyCredits: 'クレジットを購入',
  usePrompt: 'このプロンプトを使う',
  statusPending: '処理中',
  statusFailed: '失敗',
  kindPrompt: 'プロンプト',
  kindImage: '画像',
  errorGeneric: 'エラーが発生しました。もう一度お試しください。',
  'error.insufficient-credits': 'クレジットが足りません。ウェブサイトで購入してください。',
  'error.rate-limited': 'リクエストが多すぎます。1 分ほど待ってからお試しください。',
  'error.too-many-pending': '実行中の生成がいくつかあります。完了までお待ちください。',
  'error.image-too-large': '画像が 10 MB を超えています。',
  'error.image-unsupported-type': 'この形式の画像には対応していません。',
  'error.image-unreadable': '画像を読み取れませんでした。',
  'error.image-fetch-failed': '画像をダウンロードできませんでした。',
  'error.url-not-allowed': 'この画像のアドレスは使用できません。',
  'error.prompt-too-long': 'プロンプトが長すぎます。',
  'error.provider-safety': '安全上の理由により、モデルがこのリクエストを拒否しました。',
  'error.provider-unavailable': 'モデルが現在利用できません。クレジットは返還されました。',
  'error.provider-timeout': 'モデルの応答に時間がかかりすぎました。クレジットは返還されました。',
  'error.unauthenticated': 'セッションの有効期限が切れました。もう一度サインインしてください。',
  // Model catalog (issue 14)
  'error.model-unavailable':
    'このモデルは現在利用できません。別のモデルを選んでください。クレジットは消費されていません。',
  'error.provider-no-image':
    'モデルが画像を返しませんでした。作りたい画像をより具体的に書いてください。クレジットは返却されました。',
  'model.unavailable.retired': '提供終了',
  'model.unavailable.disabled': '停止中',
  priceAt: '{resolution} で {price}',
  // Production-correctness reasons (issue 15).
  'error.account-deleted':
    'このアカウントは削除されました。サインアウトしてから再度サインインすると、新しいアカウントを作成できます。',
  'error.session-revoked': 'すべてのデバイスでサインアウトされました。もう一度サインインしてください。',
  'error.extension-not-allowed': 'これは公式の Mimicit 拡張機能ではないため、サインインできません。',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, ja };

/** The panel's current language (set from the stored settings at startup). */
export const locale = ref<Locale>(
  typeof chrome !== 'undefined' && chrome.i18n?.getUILanguage?.().startsWith('ja') ? 'ja' : 'en',
);

/** `t('credits', { n: 5 })` in the current language. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[locale.value][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** "1 credit" / "4 credits" in the current language. */
export function credits(n: number): string {
  return t(n === 1 ? 'creditsOne' : 'credits', { n });
}

/** The message for a callable error reason or code, or the generic one. */
export function errorMessage(reasonOrCode: string | undefined): string {
  const key = `error.${reasonOrCode}`;
  return key in en ? t(key as MessageKey) : t('errorGeneric');
}
