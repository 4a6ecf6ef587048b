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
  selectImage:
    'Pick an image above, drag one from the page onto this panel, or right-click an image on the page and choose “Mimic this image”.',
  describeTitle: 'Image → prompt',
  generateTitle: 'Generate an image',
  model: 'Model',
  aspectRatio: 'Aspect ratio',
  resolution: 'Resolution',
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
  'model.unavailable.not-configured': 'not set up here (no API key)',
  priceAt: '{price} at {resolution}',
  // Production-correctness reasons (issue 15).
  'error.account-deleted': 'This account was deleted. Sign out, then sign in again to start a new one.',
  'error.session-revoked': 'You were signed out on every device. Sign in again.',
  'error.extension-not-allowed': 'This is not the official Mimicit extension, so it cannot sign in.',
  // Issue 19: network and server errors, dismiss, translated model labels.
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Please try again.',
  'error.server-error': 'Something went wrong on our side. Please try again.',
  'error.account-pending-deletion':
    'Your account is scheduled for deletion. Keep it on your Profile page on the website to continue.',
  dismiss: 'Dismiss',
  'model.local-preview': 'Local preview (no AI)',
  // Remix from any page (issue 18): references with roles, seeds, priced resolutions, thumbnails,
  // background images, drops, the keyboard shortcut; and every server reason it can meet.
  imagesHint: 'Pictures and large background images on this page.',
  'refs.title': 'Reference images',
  'refs.count': '{n} of {max}',
  'refs.none': 'None: the model works from the prompt alone. Pick images above or in Recent results.',
  'refs.clear': 'Clear',
  'refs.remove': 'Remove reference {n}',
  'refs.order': 'Reference {n}',
  'refs.roleOf': 'Role of reference {n}',
  'refs.rolesHint':
    'Give each reference a role: the subject to keep, the scene to place it in, the style to paint it in.',
  'refs.noRoles': 'This model uses reference images without roles.',
  'refs.limit':
    '{model} takes up to {max} reference images. Remove one first, or choose a model that takes more.',
  'refs.takesNone': 'takes no reference images',
  'refs.takesAtMost': 'takes at most {max} reference images',
  'refs.needsOne': 'needs a reference image',
  'refs.modelRefused': 'The chosen model {reason}. Change the references or choose another model.',
  'refs.describesFirst': 'Describes reference 1.',
  'refs.useResult': 'Use as reference',
  'role.plain': 'Reference',
  'role.subject': 'Subject',
  'role.scene': 'Scene',
  'role.style': 'Style',
  'seed.label': 'Seed (optional)',
  'seed.placeholder': 'Random',
  'seed.invalid': 'A seed is a whole number from 0 to {max}.',
  'seed.value': 'Seed {seed}',
  resolutionOption: '{resolution} · {price}',
  totalCost: 'Total: {cost} (one image at {resolution}, references: {n})',
  'result.open': 'Open the full image',
  'result.close': 'Close',
  'result.reproduce': 'Reproduce · {cost}',
  'result.vary': 'Vary · {cost}',
  'result.reproduceTitle': 'Same prompt, settings, references and seed',
  'result.varyTitle': 'Same prompt, settings and references, a new seed',
  'result.notReplayable':
    'Reproduce and Vary need this result’s reference images, which are never stored: pick them again and generate.',
  recentLoading: 'Loading your recent results…',
  recentError: 'Your recent results could not be loaded. Check your connection.',
  'result.loading': 'Loading the image…',
  'result.unavailable': 'The image could not be loaded.',
  'drop.hint': 'Drop the image here to use it as a reference',
  'drop.added': 'Added as reference {n}.',
  'drop.notImage': 'That is not an image. Drag a picture from the page (text and links cannot be used).',
  shortcutHint: 'Open this panel from any page with {keys}.',
  'error.too-many-references':
    'This model takes fewer reference images. Remove some, or choose another model.',
  'error.provider-wrong-size':
    'The model returned an image of another size or shape than asked for. Your credits were refunded; try again.',
  'error.unknown-model': 'This model is not available. Choose another one.',
  'error.unsupported-option':
    'This model does not support that setting. Change the references, aspect ratio, resolution or seed.',
  'error.provider-rate-limit': 'The model is busy right now. Try again in a moment or choose another model.',
  'error.provider-bad-request': 'The model could not handle this request. Change the prompt or settings.',
  'error.provider-config': 'This model is not set up on our side yet. Choose another model.',
  'error.provider-bad-response': 'The model sent back an answer we could not use. Try again.',
  'error.unknown-pack': 'This credit pack is not available. Buy credits on the website.',
  'error.origin-not-allowed': 'This request did not come from Mimicit. Reload the panel and try again.',
  'error.not-found': 'It was not found. It may have been deleted.',
  'error.app-check-missing':
    'Mimicit could not confirm this request. Open the website, sign in there, and try again.',
  'error.app-check-invalid':
    'The browser check for this request failed or expired. Open the website and try again.',
  'error.app-check-replayed': 'This request was already sent once. Try again.',
  'error.price-not-configured':
    'Credits cannot be bought in this currency right now. Try again later on the website.',
  'error.payments-not-configured': 'Payments are not available yet. Please try again later.',
  'error.payment-provider-unavailable':
    'The payment service could not start checkout. Try again in a moment.',
  'error.generation-still-running': 'This is still being generated. Wait for it to finish.',
};

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  credits: '{n} クレジット',
  creditsOne: '{n} クレジット',
  creditsUnknown: '— クレジット',
  language: '言語',
  signIn: 'ログイン',
  signOut: 'ログアウト',
  signInTitle: 'ログインしてプロンプト化・画像生成',
  signInBody:
    'Mimicit のウェブサイトで Google アカウントでログインすると、拡張機能も同じアカウントでログインします。',
  signInWaiting: 'Mimicit のタブでログインを完了してください…',
  signInFailed: 'ログインに失敗しました。ウェブサイトを開いてもう一度お試しください。',
  signedInAs: '{name} でログイン中',
  imagesTitle: 'このページの画像',
  imagesCount: '{n} 枚',
  refresh: '再読み込み',
  imagesLoading: '画像を探しています…',
  imagesEmpty: 'このページに画像は見つかりませんでした。',
  imagesUnavailable:
    'このページは読み取れません。ブラウザーのページやウェブストアは対象外です。Mimicit の導入前に開いたページは再読み込みしてください。',
  selectImage:
    '上の画像を選ぶか、ページの画像をこのパネルにドラッグするか、ページ上の画像を右クリックして「この画像を Mimic する」を選んでください。',
  describeTitle: '画像 → プロンプト',
  generateTitle: '画像を生成',
  model: 'モデル',
  aspectRatio: 'アスペクト比',
  resolution: '解像度',
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
  // Model catalog (issue 14)
  'error.model-unavailable':
    'このモデルは現在利用できません。別のモデルを選んでください。クレジットは消費されていません。',
  'error.provider-no-image':
    'モデルが画像を返しませんでした。作りたい画像をより具体的に書いてください。クレジットは返却されました。',
  'model.unavailable.retired': '提供終了',
  'model.unavailable.disabled': '停止中',
  'model.unavailable.not-configured': 'この環境では未設定（API\u00a0キーなし）',
  priceAt: '{resolution} で {price}',
  // Production-correctness reasons (issue 15).
  'error.account-deleted':
    'このアカウントは削除されました。ログアウトしてから再度ログインすると、新しいアカウントを作成できます。',
  'error.session-revoked': 'すべてのデバイスでログアウトされました。もう一度ログインしてください。',
  'error.extension-not-allowed': 'これは公式の Mimicit 拡張機能ではないため、ログインできません。',
  // Issue 19: network and server errors, dismiss, translated model labels.
  'error.unauthenticated': 'セッションの有効期限が切れました。もう一度ログインしてください。',
  'error.network': 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
  'error.timeout': 'サーバーの応答に時間がかかりすぎました。もう一度お試しください。',
  'error.server-error': 'サーバー側で問題が発生しました。もう一度お試しください。',
  'error.account-pending-deletion':
    'アカウントは削除の予定です。続けるには、ウェブサイトのプロフィールでアカウントを残してください。',
  dismiss: '閉じる',
  'model.local-preview': 'ローカルプレビュー（AI なし）',
  // Remix from any page (issue 18): references with roles, seeds, priced resolutions, thumbnails,
  // background images, drops, the keyboard shortcut; and every server reason it can meet.
  imagesHint: 'このページの画像と大きな背景画像です。',
  'refs.title': '参照画像',
  'refs.count': '{n} / {max}',
  'refs.none': 'なし：モデルはプロンプトだけで生成します。上の画像か「最近の結果」から選んでください。',
  'refs.clear': 'すべて外す',
  'refs.remove': '参照画像 {n} を外す',
  'refs.order': '参照画像 {n}',
  'refs.roleOf': '参照画像 {n} の役割',
  'refs.rolesHint': '参照画像ごとに役割を選べます：残したい被写体、置きたいシーン、まねたいスタイル。',
  'refs.noRoles': 'このモデルは参照画像を役割なしで使います。',
  'refs.limit':
    '{model} で使える参照画像は {max} 枚までです。先に 1 枚外すか、もっと多く使えるモデルを選んでください。',
  'refs.takesNone': '参照画像は使えません',
  'refs.takesAtMost': '参照画像は {max} 枚まで',
  'refs.needsOne': '参照画像が必要です',
  'refs.modelRefused': '選んだモデルでは{reason}。参照画像を変えるか、別のモデルを選んでください。',
  'refs.describesFirst': '参照画像 1 をプロンプト化します。',
  'refs.useResult': '参照画像に使う',
  'role.plain': '参照',
  'role.subject': '被写体',
  'role.scene': 'シーン',
  'role.style': 'スタイル',
  'seed.label': 'シード（任意）',
  'seed.placeholder': 'ランダム',
  'seed.invalid': 'シードは 0 から {max} までの整数です。',
  'seed.value': 'シード {seed}',
  resolutionOption: '{resolution} · {price}',
  totalCost: '合計 {cost}（{resolution} の画像 1 枚、参照画像 {n} 枚）',
  'result.open': '元のサイズで開く',
  'result.close': '閉じる',
  'result.reproduce': '再現 · {cost}',
  'result.vary': 'バリエーション · {cost}',
  'result.reproduceTitle': '同じプロンプト・設定・参照画像・シードで生成',
  'result.varyTitle': '同じプロンプト・設定・参照画像で、新しいシードで生成',
  'result.notReplayable':
    '再現とバリエーションにはこの結果の参照画像が必要ですが、参照画像は保存しません。もう一度選んで生成してください。',
  recentLoading: '最近の結果を読み込んでいます…',
  recentError: '最近の結果を読み込めませんでした。接続を確認してください。',
  'result.loading': '画像を読み込んでいます…',
  'result.unavailable': '画像を読み込めませんでした。',
  'drop.hint': 'ここに画像をドロップすると参照画像になります',
  'drop.added': '参照画像 {n} として追加しました。',
  'drop.notImage': '画像ではありません。ページの画像をドラッグしてください（テキストやリンクは使えません）。',
  shortcutHint: 'どのページからでも {keys} でこのパネルを開けます。',
  'error.too-many-references':
    'このモデルが使える参照画像の数を超えています。いくつか外すか、別のモデルを選んでください。',
  'error.provider-wrong-size':
    'モデルが指定と異なるサイズまたは縦横比の画像を返しました。クレジットは返却されました。もう一度お試しください。',
  'error.unknown-model': 'このモデルは利用できません。別のモデルを選んでください。',
  'error.unsupported-option':
    'このモデルはその設定に対応していません。参照画像、アスペクト比、解像度、シードを変えてください。',
  'error.provider-rate-limit': 'モデルが混み合っています。少し待つか、別のモデルを選んでください。',
  'error.provider-bad-request':
    'モデルがこのリクエストを処理できませんでした。プロンプトか設定を変えてください。',
  'error.provider-config': 'このモデルはまだ準備中です。別のモデルを選んでください。',
  'error.provider-bad-response': 'モデルから使える応答が返りませんでした。もう一度お試しください。',
  'error.unknown-pack': 'このクレジットパックは利用できません。ウェブサイトで購入してください。',
  'error.origin-not-allowed':
    'このリクエストは Mimicit から送られていません。パネルを開き直してお試しください。',
  'error.not-found': '見つかりませんでした。削除された可能性があります。',
  'error.app-check-missing':
    'このリクエストを確認できませんでした。ウェブサイトを開いてログインし、もう一度お試しください。',
  'error.app-check-invalid':
    'このリクエストのブラウザー確認に失敗したか、期限が切れました。ウェブサイトを開いてもう一度お試しください。',
  'error.app-check-replayed': 'このリクエストはすでに送信済みです。もう一度お試しください。',
  'error.price-not-configured':
    '現在この通貨ではクレジットを購入できません。後でウェブサイトからお試しください。',
  'error.payments-not-configured': '決済はまだ利用できません。後でもう一度お試しください。',
  'error.payment-provider-unavailable':
    '決済サービスが購入手続きを開始できませんでした。少し待ってからお試しください。',
  'error.generation-still-running': 'まだ生成中です。完了までお待ちください。',
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

/**
 * Codes for a request that got no usable answer: our client's own `unavailable` (fetch failed,
 * with the cause attached) and an `internal` without a reason (our server always sends one).
 */
const NO_ANSWER: Record<string, MessageKey> = {
  unavailable: 'error.network',
  internal: 'error.network',
  'deadline-exceeded': 'error.timeout',
};

/** The message for a callable error reason or code (or a generation's failure code), else the generic one. */
export function errorMessage(reasonOrCode: string | undefined): string {
  const key = `error.${reasonOrCode}`;
  if (key in en) return t(key as MessageKey);
  const noAnswer = reasonOrCode ? NO_ANSWER[reasonOrCode] : undefined;
  return t(noAnswer ?? 'errorGeneric');
}

/** Why a generation failed: its failure code (`internal` is our own unexpected failure). */
export function failureMessage(code: string | undefined): string {
  return errorMessage(code === 'internal' ? 'server-error' : code);
}

/** A model's name: product names as the catalog has them, descriptive labels translated. */
export function modelLabel(id: string, catalogLabel: string | undefined): string {
  const key = `model.${id}`;
  return key in en ? t(key as MessageKey) : (catalogLabel ?? id);
}
