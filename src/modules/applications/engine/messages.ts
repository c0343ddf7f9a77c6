/**
 * The engine's own message catalogue (ja, en, やさしい日本語): validation messages naming the field,
 * labels of the parts of names and addresses, and words used when answers are displayed. The engine
 * runs in the browser too, so it cannot use the server's i18n; keep the three languages in step.
 */
import type { FormLang } from './types.ts';

type Catalogue = Record<string, string>;

const ja: Catalogue = {
  required: '「{label}」を入力してください。',
  requiredChoice: '「{label}」を選択してください。',
  requiredFile: '「{label}」を添付してください。',
  consent: '「{label}」に同意してください。',
  type: '「{label}」の形式が正しくありません。',
  minLength: '「{label}」は{n}文字以上で入力してください。',
  maxLength: '「{label}」は{n}文字以内で入力してください。',
  pattern: '「{label}」の形式が正しくありません。',
  min: '「{label}」は{n}以上で入力してください。',
  max: '「{label}」は{n}以下で入力してください。',
  integer: '「{label}」は整数で入力してください。',
  decimals: '「{label}」は小数点以下{n}桁までで入力してください。',
  date: '「{label}」は正しい日付を入力してください（例: 2024-04-01、令和6年4月1日）。',
  minDate: '「{label}」は{n}以降の日付を入力してください。',
  maxDate: '「{label}」は{n}以前の日付を入力してください。',
  time: '「{label}」は時刻を「09:30」のように入力してください。',
  option: '「{label}」は選択肢から選んでください。',
  minSelected: '「{label}」は{n}つ以上選んでください。',
  maxSelected: '「{label}」は{n}つまで選んでください。',
  email: '「{label}」はメールアドレスの形式（例: name@example.jp）で入力してください。',
  phone: '「{label}」は市外局番からの電話番号（例: 0598-53-4321）を入力してください。',
  postalCode: '「{label}」は7桁の郵便番号（例: 515-8515）を入力してください。',
  kana: '「{label}」はカタカナで入力してください。',
  fileType: '「{label}」：{file}は受け付けられない種類のファイルです。{n}のファイルを添付してください。',
  fileSize: '「{label}」：{file}は{n}MBを超えています。',
  fileMissing: '「{label}」：添付したファイルが見つかりません。もう一度添付してください。',
  maxFiles: '「{label}」は{n}個まで添付できます。',
  minItems: '「{label}」は{n}件以上入力してください。',
  maxItems: '「{label}」は{n}件まで入力できます。',
  requiredSlot: '「{label}」の予約日時を選択してください。',
  slot: '「{label}」の予約日時が正しくありません。もう一度選択してください。',
  bookingRef: '（予約番号 {n}）',
  theFile: 'ファイル', item: '項目', list: '、', yen: '{n}円',
  family: '姓', given: '名', familyKana: 'セイ', givenKana: 'メイ',
  prefecture: '都道府県', city: '市区町村', street: '町名・番地', building: '建物名・部屋番号',
  agreed: '同意する', notAgreed: '同意しない',
};

const en: Catalogue = {
  required: 'Enter “{label}”.',
  requiredChoice: 'Select “{label}”.',
  requiredFile: 'Attach “{label}”.',
  consent: 'You must agree to “{label}”.',
  type: '“{label}” is not in the right format.',
  minLength: '“{label}” must be {n} characters or more.',
  maxLength: '“{label}” must be {n} characters or fewer.',
  pattern: '“{label}” is not in the right format.',
  min: '“{label}” must be {n} or more.',
  max: '“{label}” must be {n} or less.',
  integer: '“{label}” must be a whole number.',
  decimals: '“{label}” can have at most {n} decimal places.',
  date: '“{label}” must be a real date, like 2024-04-01.',
  minDate: '“{label}” must be on or after {n}.',
  maxDate: '“{label}” must be on or before {n}.',
  time: '“{label}” must be a time like 09:30.',
  option: 'Select “{label}” from the list.',
  minSelected: 'Select at least {n} for “{label}”.',
  maxSelected: 'Select at most {n} for “{label}”.',
  email: '“{label}” must be an email address, like name@example.jp.',
  phone: '“{label}” must be a phone number with the area code, like 0598-53-4321.',
  postalCode: '“{label}” must be a 7-digit postal code, like 515-8515.',
  kana: '“{label}” must be written in katakana.',
  fileType: '“{label}”: {file} is a type of file we cannot accept. Attach {n}.',
  fileSize: '“{label}”: {file} is larger than {n} MB.',
  fileMissing: '“{label}”: the attached file was not found. Attach it again.',
  maxFiles: '“{label}”: attach at most {n} files.',
  minItems: '“{label}”: add at least {n}.',
  maxItems: '“{label}”: add at most {n}.',
  requiredSlot: 'Choose a date and time for “{label}”.',
  slot: '“{label}”: the date and time are not valid. Please choose again.',
  bookingRef: ' (booking {n})',
  theFile: 'the file', item: 'Item', list: ', ', yen: '¥{n}',
  family: 'family name', given: 'given name', familyKana: 'family name in katakana', givenKana: 'given name in katakana',
  prefecture: 'prefecture', city: 'city', street: 'street address', building: 'building and room',
  agreed: 'Agreed', notAgreed: 'Not agreed',
};

const easy: Catalogue = {
  required: '「{label}」を かいて ください。',
  requiredChoice: '「{label}」を えらんで ください。',
  requiredFile: '「{label}」の ファイルを つけて ください。',
  consent: '「{label}」に どうい して ください。',
  type: '「{label}」の かきかたが ちがいます。',
  minLength: '「{label}」は {n}もじ いじょう かいて ください。',
  maxLength: '「{label}」は {n}もじ までで かいて ください。',
  pattern: '「{label}」の かきかたが ちがいます。',
  min: '「{label}」は {n} いじょうに して ください。',
  max: '「{label}」は {n} いかに して ください。',
  integer: '「{label}」は 小数（0.5 など）を つかわないで かいて ください。',
  decimals: '「{label}」は 小数点の あと {n}けた までで かいて ください。',
  date: '「{label}」は ただしい 日づけを かいて ください（れい: 2024-04-01）。',
  minDate: '「{label}」は {n}より あとの 日に して ください。',
  maxDate: '「{label}」は {n}より まえの 日に して ください。',
  time: '「{label}」は 「09:30」の ように かいて ください。',
  option: '「{label}」は リストから えらんで ください。',
  minSelected: '「{label}」は {n}つ いじょう えらんで ください。',
  maxSelected: '「{label}」は {n}つ までで えらんで ください。',
  email: '「{label}」は メールアドレスを かいて ください（れい: name@example.jp）。',
  phone: '「{label}」は でんわ ばんごうを かいて ください（れい: 0598-53-4321）。',
  postalCode: '「{label}」は 7けたの ゆうびん ばんごうを かいて ください（れい: 515-8515）。',
  kana: '「{label}」は カタカナで かいて ください。',
  fileType: '「{label}」：{file}は つかえない しゅるいの ファイルです。{n}の ファイルを つけて ください。',
  fileSize: '「{label}」：{file}は 大きすぎます。{n}MB までに して ください。',
  fileMissing: '「{label}」：ファイルが みつかりません。もう いちど つけて ください。',
  maxFiles: '「{label}」は {n}こ まで つけられます。',
  minItems: '「{label}」を {n}つ いじょう かいて ください。',
  maxItems: '「{label}」は {n}つ まで かけます。',
  requiredSlot: '「{label}」の よやくの 日と じかんを えらんで ください。',
  slot: '「{label}」の よやくの 日と じかんが ちがいます。もう いちど えらんで ください。',
  bookingRef: '（よやく ばんごう {n}）',
  theFile: 'ファイル', item: 'こうもく', list: '、', yen: '{n}えん',
  family: 'みょうじ', given: 'なまえ', familyKana: 'みょうじ（カタカナ）', givenKana: 'なまえ（カタカナ）',
  prefecture: 'とどうふけん', city: 'し・く・まち・むら', street: 'まち・ばんち', building: 'たてもの・へや',
  agreed: 'どうい します', notAgreed: 'どうい しません',
};

const CATALOGUES: Record<FormLang, Catalogue> = { ja, en, 'ja-easy': easy };

/** The keys of the catalogue (every language has them all). */
export const MESSAGE_KEYS: readonly string[] = Object.keys(ja);

/** Whether a language's own catalogue has a message (no fallback), for tests. */
export function hasMessage(lang: FormLang, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGUES[lang], key);
}

/** One message in a language with `{label}`, `{n}`, `{file}` filled in; unknown languages fall back to ja. */
export function engineMessage(lang: FormLang, key: string, params: Record<string, string | number> = {}): string {
  const template = (CATALOGUES[lang] ?? ja)[key] ?? ja[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A field label with a part: 氏名（セイ）, “Full name (family name)”. */
export function partLabel(lang: FormLang, label: string, part: string): string {
  const partText = engineMessage(lang, part);
  return lang === 'en' ? `${label} (${partText})` : `${label}（${partText}）`;
}

/** The label of a field inside a group item: 子ども 2：お子さんの生年月日 (the item number is 1-based). */
export function itemFieldLabel(lang: FormLang, itemLabel: string, index: number, label: string): string {
  return lang === 'en' ? `${itemLabel} ${index + 1}: ${label}` : `${itemLabel} ${index + 1}：${label}`;
}
