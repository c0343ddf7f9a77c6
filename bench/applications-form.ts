// The form bench/applications.ts submits: 20 fields of the kinds a real procedure asks (name with
// furigana, address, dates, choices, amounts, free text, consent), and answers that pass validation.
import type { Answers, FormDefinition } from '../src/modules/applications/engine/types.ts';

const yesNo = [{ value: 'yes', label: { ja: 'はい' } }, { value: 'no', label: { ja: 'いいえ' } }];

/** 保育所 一時預かり 申込 (20 fields). */
export const benchForm: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'applicant', title: { ja: '申込者' },
      sections: [{ id: 'a', fields: [
        { key: 'applicant', type: 'name', label: { ja: '氏名' }, required: true, furigana: true },
        { key: 'birthDate', type: 'date', label: { ja: '生年月日' }, required: true, minDate: '1900-01-01', maxDate: 'today' },
        { key: 'postalCode', type: 'postalCode', label: { ja: '郵便番号' }, required: true, fillsAddress: 'address' },
        { key: 'address', type: 'address', label: { ja: '住所' }, required: true },
        { key: 'phone', type: 'phone', label: { ja: '電話番号' }, required: true },
        { key: 'email', type: 'email', label: { ja: 'メールアドレス' }, required: true },
        { key: 'contactTimes', type: 'checkboxes', label: { ja: '連絡のつきやすい時間帯' }, maxSelected: 2, options: [
          { value: 'morning', label: { ja: '午前' } }, { value: 'afternoon', label: { ja: '午後' } }, { value: 'evening', label: { ja: '夕方' } }] },
      ] }],
    },
    {
      id: 'request', title: { ja: '申込内容' },
      sections: [{ id: 'r', fields: [
        { key: 'category', type: 'select', label: { ja: '利用区分' }, required: true, options: [
          { value: 'work', label: { ja: '就労' } }, { value: 'illness', label: { ja: '疾病' } }, { value: 'refresh', label: { ja: 'リフレッシュ' } }] },
        { key: 'reason', type: 'radio', label: { ja: '初めての利用ですか' }, required: true, options: yesNo },
        { key: 'householdSize', type: 'number', label: { ja: '世帯人数' }, required: true, min: 1, max: 20 },
        { key: 'income', type: 'currency', label: { ja: '世帯の前年所得' }, min: 0, max: 100_000_000 },
        { key: 'preferredDate', type: 'date', label: { ja: '希望日' }, required: true, minDate: '2000-01-01' },
        { key: 'preferredTime', type: 'time', label: { ja: '希望時刻' }, required: true },
        { key: 'workplace', type: 'text', label: { ja: '勤務先' }, maxLength: 100 },
        { key: 'workplacePhone', type: 'phone', label: { ja: '勤務先電話番号' } },
        { key: 'notes', type: 'textarea', label: { ja: '備考' }, maxLength: 1000 },
        { key: 'hasCar', type: 'radio', label: { ja: '車で送迎しますか' }, required: true, options: yesNo },
        { key: 'carNumber', type: 'text', label: { ja: '車両番号' }, required: true, maxLength: 20, showIf: { '==': [{ var: 'hasCar' }, 'yes'] } },
        { key: 'howHeard', type: 'select', label: { ja: '何で知りましたか' }, options: [
          { value: 'web', label: { ja: 'ホームページ' } }, { value: 'paper', label: { ja: '広報紙' } }, { value: 'friend', label: { ja: '知人' } }] },
        { key: 'consent', type: 'consent', label: { ja: '同意事項' }, required: true, content: { ja: '利用規約に同意します。' } },
      ] }],
    },
  ],
  computed: [{ key: 'fee', label: { ja: '利用料' }, expression: { '*': [{ var: 'householdSize' }, 300] }, format: 'yen' }],
};

/** Answers to benchForm that pass validation; `i` varies the name so rows differ. */
export function benchAnswers(i: number): Answers {
  return {
    applicant: { family: '徳島', given: `花子${i % 1000}`, familyKana: 'トクシマ', givenKana: 'ハナコ' },
    birthDate: '1988-07-15',
    postalCode: '770-8571',
    address: { prefecture: '徳島県', city: '徳島市', street: '幸町2丁目5番地', building: '市役所前ハイツ101' },
    phone: '088-621-5111',
    email: 'hanako@example.jp',
    contactTimes: ['morning', 'evening'],
    category: 'work',
    reason: 'yes',
    householdSize: 4,
    income: 4_500_000,
    preferredDate: '2025-06-02',
    preferredTime: '09:30',
    workplace: '株式会社とくしま商事',
    workplacePhone: '088-000-1234',
    notes: '子どもは卵アレルギーがあります。お迎えは祖母が行く場合があります。よろしくお願いいたします。',
    hasCar: 'yes',
    carNumber: '徳島 500 あ 12-34',
    howHeard: 'web',
    consent: true,
  };
}
