/**
 * A realistic test form for every helper's tests: 児童手当 認定請求 (child allowance claim). Five pages,
 * a page skipped by an answer (spouse, when there is none), a repeating group (children) with a field
 * shown on a condition inside it, a file, a consent and computed amounts. Keep the export names stable.
 */
import type { Answers, FormDefinition } from './types.ts';

const yesNo = [
  { value: 'yes', label: { ja: 'はい', en: 'Yes', 'ja-easy': 'はい' } },
  { value: 'no', label: { ja: 'いいえ', en: 'No', 'ja-easy': 'いいえ' } },
];

/** 児童手当 認定請求: the fixture definition (about 20 fields). */
export const childAllowanceForm: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'applicant',
      title: { ja: '請求者', en: 'Applicant', 'ja-easy': 'もうしこむ 人' },
      sections: [
        {
          id: 'person',
          title: { ja: '請求者の情報', en: 'About you', 'ja-easy': 'あなたの こと' },
          fields: [
            { key: 'applicant', type: 'name', label: { ja: '氏名', en: 'Full name', 'ja-easy': 'なまえ' }, required: true, furigana: true },
            { key: 'birthDate', type: 'date', label: { ja: '生年月日', en: 'Date of birth', 'ja-easy': 'うまれた 日' }, required: true, minDate: '1900-01-01', maxDate: 'today' },
            { key: 'postalCode', type: 'postalCode', label: { ja: '郵便番号', en: 'Postal code', 'ja-easy': 'ゆうびん ばんごう' }, required: true, fillsAddress: 'address' },
            { key: 'address', type: 'address', label: { ja: '住所', en: 'Address', 'ja-easy': 'じゅうしょ' }, required: true },
            { key: 'phone', type: 'phone', label: { ja: '電話番号', en: 'Phone number', 'ja-easy': 'でんわ ばんごう' }, required: true },
            { key: 'email', type: 'email', label: { ja: 'メールアドレス', en: 'Email address', 'ja-easy': 'メール アドレス' }, required: true },
            {
              key: 'contactTimes', type: 'checkboxes', label: { ja: '連絡のつきやすい時間帯', en: 'Best times to call', 'ja-easy': 'でんわ しやすい 時間' },
              maxSelected: 2,
              options: [
                { value: 'morning', label: { ja: '午前', en: 'Morning', 'ja-easy': 'あさ' } },
                { value: 'afternoon', label: { ja: '午後', en: 'Afternoon', 'ja-easy': 'ひる' } },
                { value: 'evening', label: { ja: '夕方', en: 'Evening', 'ja-easy': 'ゆうがた' } },
              ],
            },
            { key: 'hasSpouse', type: 'radio', label: { ja: '配偶者はいますか', en: 'Do you have a spouse?', 'ja-easy': 'けっこん している 人は いますか' }, required: true, options: yesNo },
          ],
        },
      ],
      next: [{ if: { '==': [{ var: 'hasSpouse' }, 'no'] }, goTo: 'children' }],
    },
    {
      id: 'spouse',
      title: { ja: '配偶者', en: 'Spouse', 'ja-easy': 'けっこん している 人' },
      sections: [
        {
          id: 'spouse',
          fields: [
            { key: 'spouse', type: 'name', label: { ja: '配偶者の氏名', en: "Spouse's name", 'ja-easy': 'けっこん している 人の なまえ' }, required: true, furigana: true },
            { key: 'spouseIncome', type: 'currency', label: { ja: '配偶者の前年の所得', en: "Spouse's income last year", 'ja-easy': 'きょねんの しょとく' }, min: 0, max: 100_000_000 },
          ],
        },
      ],
    },
    {
      id: 'children',
      title: { ja: '対象となる子ども', en: 'Children', 'ja-easy': 'こども' },
      sections: [
        {
          id: 'children',
          description: { ja: '18歳到達後最初の3月31日までのお子さんを記入してください。', en: 'List each child up to the end of March after they turn 18.' },
          fields: [
            {
              key: 'children', type: 'group', label: { ja: 'お子さん', en: 'Children', 'ja-easy': 'こども' },
              itemLabel: { ja: '子ども', en: 'Child', 'ja-easy': 'こども' }, minItems: 1, maxItems: 10,
              fields: [
                { key: 'name', type: 'name', label: { ja: 'お子さんの氏名', en: "Child's name", 'ja-easy': 'こどもの なまえ' }, required: true, furigana: true },
                { key: 'birthDate', type: 'date', label: { ja: 'お子さんの生年月日', en: "Child's date of birth", 'ja-easy': 'こどもが うまれた 日' }, required: true, minDate: '2000-04-02', maxDate: 'today' },
                {
                  key: 'relationship', type: 'select', label: { ja: '続柄', en: 'Relationship', 'ja-easy': 'あなたとの かんけい' }, required: true,
                  options: [
                    { value: 'child', label: { ja: '子', en: 'Child', 'ja-easy': 'こども' } },
                    { value: 'adopted', label: { ja: '養子', en: 'Adopted child', 'ja-easy': 'ようし' } },
                    { value: 'other', label: { ja: 'その他', en: 'Other', 'ja-easy': 'そのほか' } },
                  ],
                },
                { key: 'relationshipOther', type: 'text', label: { ja: '続柄（その他）', en: 'Relationship (other)', 'ja-easy': 'かんけい（そのほか）' }, required: true, maxLength: 20, showIf: { '==': [{ var: 'relationship' }, 'other'] } },
                { key: 'livesTogether', type: 'radio', label: { ja: '同居していますか', en: 'Does the child live with you?', 'ja-easy': 'いっしょに すんで いますか' }, required: true, options: yesNo },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'account',
      title: { ja: '振込先口座', en: 'Bank account', 'ja-easy': 'お金を ふりこむ 口座' },
      sections: [
        {
          id: 'account',
          fields: [
            { key: 'bankName', type: 'text', label: { ja: '金融機関名', en: 'Bank', 'ja-easy': 'ぎんこうの なまえ' }, required: true, maxLength: 40 },
            { key: 'branchName', type: 'text', label: { ja: '支店名', en: 'Branch', 'ja-easy': 'してんの なまえ' }, required: true, maxLength: 40 },
            {
              key: 'accountType', type: 'radio', label: { ja: '預金種別', en: 'Account type', 'ja-easy': 'こうざの しゅるい' }, required: true,
              options: [
                { value: 'ordinary', label: { ja: '普通', en: 'Ordinary', 'ja-easy': 'ふつう' } },
                { value: 'current', label: { ja: '当座', en: 'Current', 'ja-easy': 'とうざ' } },
              ],
            },
            {
              key: 'accountNumber', type: 'text', label: { ja: '口座番号', en: 'Account number', 'ja-easy': 'こうざ ばんごう' }, required: true,
              pattern: '^[0-9]{7}$', patternMessage: { ja: '口座番号は7桁の数字で入力してください。', en: 'Enter the 7-digit account number.', 'ja-easy': 'こうざ ばんごうは 7つの すうじで かいて ください。' },
            },
          ],
        },
      ],
    },
    {
      id: 'documents',
      title: { ja: '書類と同意', en: 'Documents and consent', 'ja-easy': 'しょるいと どうい' },
      sections: [
        {
          id: 'documents',
          fields: [
            { key: 'documentsNote', type: 'display', label: { ja: '添付書類について', en: 'About documents' }, content: { ja: '健康保険証の写しなど、本人確認書類を添付してください。', en: 'Attach a copy of an identity document such as your health insurance card.' } },
            { key: 'idDocument', type: 'file', label: { ja: '本人確認書類', en: 'Identity document', 'ja-easy': 'あなたが だれか わかる しょるい' }, required: true, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 5, maxFiles: 2 },
            { key: 'notes', type: 'textarea', label: { ja: '備考', en: 'Notes', 'ja-easy': 'ほかに つたえたい こと' }, maxLength: 500 },
            { key: 'consent', type: 'consent', label: { ja: '同意事項', en: 'Consent', 'ja-easy': 'どうい' }, required: true, content: { ja: '記載内容に相違ないこと、および公簿等の確認に同意します。', en: 'I confirm the above is true and agree that the city may check public records.', 'ja-easy': 'かいた ことは ほんとうです。市が しらべる ことに どうい します。' } },
          ],
        },
      ],
    },
  ],
  computed: [
    { key: 'childCount', label: { ja: '対象児童数', en: 'Number of children', 'ja-easy': 'こどもの かず' }, expression: { count: { var: 'children' } }, format: 'number' },
    { key: 'monthlyAmount', label: { ja: '手当月額（概算）', en: 'Monthly allowance (estimate)', 'ja-easy': '1か月の お金（だいたい）' }, expression: { '*': [{ count: { var: 'children' } }, 10000] }, format: 'yen' },
  ],
};

/** Answers that pass validation of childAllowanceForm (no spouse, two children); `uploadId` is the identity document. */
export function validChildAllowanceAnswers(uploadId: string): Answers {
  return {
    applicant: { family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' },
    birthDate: '1985-04-12',
    postalCode: '515-8515',
    address: { prefecture: '三重県', city: '松阪市', street: '殿町1340-1' },
    phone: '0598-53-4321',
    email: 'taro.yamada@example.jp',
    contactTimes: ['morning'],
    hasSpouse: 'no',
    children: [
      { name: { family: '山田', given: '花子', familyKana: 'ヤマダ', givenKana: 'ハナコ' }, birthDate: '2015-06-10', relationship: 'child', livesTogether: 'yes' },
      { name: { family: '山田', given: '一郎', familyKana: 'ヤマダ', givenKana: 'イチロウ' }, birthDate: '2018-11-03', relationship: 'child', livesTogether: 'yes' },
    ],
    bankName: '松阪銀行',
    branchName: '本店',
    accountType: 'ordinary',
    accountNumber: '1234567',
    idDocument: [uploadId],
    consent: true,
  };
}
