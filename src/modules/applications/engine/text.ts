/** Localised text of a form and the list of prefectures an address field accepts. */
import type { FormLang, FormText } from './types.ts';

/** A form text in a language; やさしい日本語 and English fall back to Japanese when missing or empty. */
export function fieldLabel(text: FormText | undefined, lang: FormLang): string {
  if (!text) return '';
  return (lang === 'ja' ? text.ja : text[lang] || text.ja) ?? '';
}

/** The 47 prefectures in JIS X 0401 order. */
export const PREFECTURES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];
