/**
 * Demo forms of the child-related procedures: 児童手当 認定請求 and 児童扶養手当 面談予約. Real-looking,
 * in ja, en and やさしい日本語, and accepted by the engine's checkDefinition (seed.test.ts checks it).
 */
import type { FieldOption, FormDefinition, FormText } from '../engine/types.ts';

/** Text in the three languages. */
export const tx = (ja: string, en: string, easy: string): FormText => ({ ja, en, 'ja-easy': easy });
/** はい / いいえ. */
export const yesNo: FieldOption[] = [
  { value: 'yes', label: tx('はい', 'Yes', 'はい') },
  { value: 'no', label: tx('いいえ', 'No', 'いいえ') },
];
const consentText = tx(
  '記載内容に相違ないこと、審査のために住民基本台帳・税情報等の公簿を市が確認することに同意します。',
  'I confirm that the above is true and agree that the city may check resident and tax records for the review.',
  'かいた ことは ほんとうです。しらべる ために 市が じゅうみんの きろくや ぜいきんの きろくを 見る ことに どうい します。',
);

/** 児童手当 認定請求: applicant, spouse (skipped without one), children, bank account, documents, consent. */
export const childAllowanceDefinition: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'applicant', title: tx('請求者', 'Applicant', 'もうしこむ 人'),
      description: tx('児童を養育している方のうち、所得の高い方が請求者になります。', 'The parent with the higher income raising the children applies.', 'こどもを そだてて いる 人の うち、しょとくが 多い 人が もうしこみます。'),
      sections: [{
        id: 'person', title: tx('請求者の情報', 'About you', 'あなたの こと'),
        fields: [
          { key: 'applicant', type: 'name', label: tx('氏名', 'Full name', 'なまえ'), required: true, furigana: true },
          { key: 'birthDate', type: 'date', label: tx('生年月日', 'Date of birth', 'うまれた 日'), required: true, minDate: '1900-01-01', maxDate: 'today' },
          { key: 'postalCode', type: 'postalCode', label: tx('郵便番号', 'Postal code', 'ゆうびん ばんごう'), required: true, fillsAddress: 'address' },
          { key: 'address', type: 'address', label: tx('住所', 'Address', 'じゅうしょ'), required: true },
          { key: 'phone', type: 'phone', label: tx('電話番号', 'Phone number', 'でんわ ばんごう'), required: true },
          { key: 'email', type: 'email', label: tx('メールアドレス', 'Email address', 'メール アドレス'), required: true, help: tx('受付番号と審査の結果をお知らせします。', 'We send the receipt number and the result here.', 'うけつけ ばんごうと けっかを おしらせ します。') },
          {
            key: 'occupation', type: 'radio', label: tx('職業', 'Occupation', 'しごと'), required: true,
            options: [
              { value: 'employee', label: tx('会社員', 'Company employee', 'かいしゃいん') },
              { value: 'civilServant', label: tx('公務員', 'Civil servant', 'こうむいん') },
              { value: 'selfEmployed', label: tx('自営業', 'Self-employed', 'じえいぎょう') },
              { value: 'none', label: tx('無職', 'Not working', 'しごとは して いない') },
            ],
            help: tx('公務員の方は勤務先から支給されます。', 'Civil servants receive the allowance from their employer.', 'こうむいんの 人は しょくばから もらいます。'),
          },
          { key: 'hasSpouse', type: 'radio', label: tx('配偶者はいますか', 'Do you have a spouse?', 'けっこん して いる あいては いますか'), required: true, options: yesNo },
        ],
      }],
      next: [{ if: { '==': [{ var: 'hasSpouse' }, 'no'] }, goTo: 'children' }],
    },
    {
      id: 'spouse', title: tx('配偶者', 'Spouse', 'けっこん して いる あいて'),
      sections: [{
        id: 'spouse',
        fields: [
          { key: 'spouse', type: 'name', label: tx('配偶者の氏名', "Spouse's name", 'あいての なまえ'), required: true, furigana: true },
          { key: 'spouseBirthDate', type: 'date', label: tx('配偶者の生年月日', "Spouse's date of birth", 'あいての うまれた 日'), required: true, minDate: '1900-01-01', maxDate: 'today' },
          { key: 'spouseIncome', type: 'currency', label: tx('配偶者の前年の所得（円）', "Spouse's income last year (yen)", 'あいての きょねんの しょとく（えん）'), min: 0, max: 1_000_000_000 },
        ],
      }],
    },
    {
      id: 'children', title: tx('養育している児童', 'Children', 'そだてて いる こども'),
      sections: [{
        id: 'children',
        description: tx('高校生年代（18歳到達後最初の3月31日）までの児童を全員記入してください。', 'List every child up to the end of March after they turn 18.', '18さいに なった あとの 3月31日までの こどもを ぜんぶ かいて ください。'),
        fields: [{
          key: 'children', type: 'group', label: tx('児童', 'Children', 'こども'), itemLabel: tx('児童', 'Child', 'こども'), minItems: 1, maxItems: 10,
          fields: [
            { key: 'name', type: 'name', label: tx('児童の氏名', "Child's name", 'こどもの なまえ'), required: true, furigana: true },
            { key: 'birthDate', type: 'date', label: tx('児童の生年月日', "Child's date of birth", 'こどもの うまれた 日'), required: true, minDate: '2000-04-02', maxDate: 'today' },
            {
              key: 'relationship', type: 'select', label: tx('続柄', 'Relationship', 'あなたとの かんけい'), required: true,
              options: [
                { value: 'child', label: tx('子', 'Child', 'こども') },
                { value: 'adopted', label: tx('養子', 'Adopted child', 'ようし') },
                { value: 'other', label: tx('その他', 'Other', 'そのほか') },
              ],
            },
            { key: 'relationshipOther', type: 'text', label: tx('続柄（その他）', 'Relationship (other)', 'かんけい（そのほか）'), required: true, maxLength: 20, showIf: { '==': [{ var: 'relationship' }, 'other'] } },
            { key: 'livesTogether', type: 'radio', label: tx('同居していますか', 'Does the child live with you?', 'いっしょに すんで いますか'), required: true, options: yesNo },
          ],
        }],
      }],
    },
    {
      id: 'account', title: tx('振込先口座', 'Bank account', 'お金を ふりこむ こうざ'),
      sections: [{
        id: 'account',
        description: tx('請求者名義の口座を指定してください。', 'The account must be in your name.', 'あなたの なまえの こうざに して ください。'),
        fields: [
          { key: 'bankName', type: 'text', label: tx('金融機関名', 'Bank', 'ぎんこうの なまえ'), required: true, maxLength: 40 },
          { key: 'branchName', type: 'text', label: tx('支店名', 'Branch', 'してんの なまえ'), required: true, maxLength: 40 },
          {
            key: 'accountType', type: 'radio', label: tx('預金種別', 'Account type', 'こうざの しゅるい'), required: true,
            options: [
              { value: 'ordinary', label: tx('普通', 'Ordinary', 'ふつう') },
              { value: 'current', label: tx('当座', 'Current', 'とうざ') },
            ],
          },
          {
            key: 'accountNumber', type: 'text', label: tx('口座番号', 'Account number', 'こうざ ばんごう'), required: true, pattern: '^[0-9]{7}$',
            patternMessage: tx('口座番号は7桁の数字で入力してください。', 'Enter the 7-digit account number.', 'こうざ ばんごうは 7つの すうじで かいて ください。'),
          },
        ],
      }],
    },
    {
      id: 'documents', title: tx('書類と同意', 'Documents and consent', 'しょるいと どうい'),
      sections: [{
        id: 'documents',
        fields: [
          { key: 'documentsNote', type: 'display', label: tx('添付書類について', 'About documents', 'しょるいに ついて'), content: tx('マイナンバーカードや運転免許証など、本人確認書類の写しと、振込先口座の通帳の写しを添付してください。', 'Attach a copy of an identity document (My Number card, driving licence) and of the bank book.', 'あなたが だれか わかる カードの しゃしんと、つうちょうの しゃしんを つけて ください。') },
          { key: 'idDocument', type: 'file', label: tx('本人確認書類', 'Identity document', 'あなたが だれか わかる しょるい'), required: true, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 5, maxFiles: 2 },
          { key: 'bankBook', type: 'file', label: tx('通帳の写し', 'Copy of the bank book', 'つうちょうの しゃしん'), accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 5, maxFiles: 1 },
          { key: 'notes', type: 'textarea', label: tx('備考', 'Notes', 'ほかに つたえたい こと'), maxLength: 500 },
          { key: 'consent', type: 'consent', label: tx('同意事項', 'Consent', 'どうい'), required: true, content: consentText },
        ],
      }],
    },
  ],
  computed: [
    { key: 'childCount', label: tx('対象児童数', 'Number of children', 'こどもの かず'), expression: { count: { var: 'children' } }, format: 'number' },
    {
      key: 'monthlyAmount', label: tx('手当月額（概算・第3子以降の加算を除く）', 'Monthly allowance (estimate, before the third-child supplement)', '1か月の お金（だいたい）'),
      // 3歳未満 15,000円、3歳以上 10,000円（高校生年代まで）
      expression: { reduce: [{ var: 'children' }, { '+': [{ var: 'accumulator' }, { if: [{ '<': [{ age: [{ var: 'current.birthDate' }] }, 3] }, 15000, 10000] }] }, 0] },
      format: 'yen',
    },
  ],
};

const slots: FieldOption[] = [
  { value: '09', label: tx('9時〜10時', '9:00–10:00', '9じ〜10じ') },
  { value: '10', label: tx('10時〜11時', '10:00–11:00', '10じ〜11じ') },
  { value: '13', label: tx('13時〜14時', '13:00–14:00', '13じ〜14じ') },
  { value: '14', label: tx('14時〜15時', '14:00–15:00', '14じ〜15じ') },
  { value: '15', label: tx('15時〜16時', '15:00–16:00', '15じ〜16じ') },
];

/**
 * 児童扶養手当 面談予約: the applicant asks for an interview slot; staff confirm it by phone. When a
 * reservations module exists, the preferred dates become a link to its booking (the form stays).
 */
export const childSupportInterviewDefinition: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'you', title: tx('申込者', 'Applicant', 'もうしこむ 人'),
      sections: [{
        id: 'you',
        fields: [
          { key: 'applicant', type: 'name', label: tx('氏名', 'Full name', 'なまえ'), required: true, furigana: true },
          { key: 'phone', type: 'phone', label: tx('日中に連絡のつく電話番号', 'Daytime phone number', 'ひるまに つながる でんわ ばんごう'), required: true },
          { key: 'email', type: 'email', label: tx('メールアドレス', 'Email address', 'メール アドレス'), required: true },
          {
            key: 'situation', type: 'radio', label: tx('ご相談の理由', 'Your situation', 'そうだんする りゆう'), required: true,
            options: [
              { value: 'divorce', label: tx('離婚', 'Divorce', 'りこん') },
              { value: 'divorcePending', label: tx('離婚調停中・別居中', 'Separated or divorce in progress', 'りこんの はなしあい中・べつべつに すんで いる') },
              { value: 'unmarried', label: tx('未婚', 'Never married', 'けっこん して いない') },
              { value: 'bereaved', label: tx('死別', 'Bereaved', 'あいてが なくなった') },
              { value: 'other', label: tx('その他', 'Other', 'そのほか') },
            ],
          },
          { key: 'situationOther', type: 'text', label: tx('その他の理由', 'Other situation', 'そのほかの りゆう'), required: true, maxLength: 100, showIf: { '==': [{ var: 'situation' }, 'other'] } },
          { key: 'childCount', type: 'number', label: tx('養育している児童の人数', 'Number of children you raise', 'そだてて いる こどもの 人数'), required: true, min: 1, max: 10 },
        ],
      }],
    },
    {
      id: 'dates', title: tx('面談の希望日時', 'Preferred interview times', 'めんだんの きぼう 日時'),
      description: tx('平日のみです。担当者から電話で日時を確定します。', 'Weekdays only. We call you to confirm the time.', 'へいじつ だけ です。市から でんわで 日時を きめます。'),
      sections: [{
        id: 'dates',
        fields: [
          { key: 'firstDate', type: 'date', label: tx('第1希望日', 'First choice: date', 'いちばん いい 日'), required: true, minDate: 'today+3', maxDate: 'today+60' },
          { key: 'firstSlot', type: 'select', label: tx('第1希望の時間帯', 'First choice: time', 'いちばん いい 時間'), required: true, options: slots },
          { key: 'secondDate', type: 'date', label: tx('第2希望日', 'Second choice: date', '2ばんめに いい 日'), minDate: 'today+3', maxDate: 'today+60' },
          { key: 'secondSlot', type: 'select', label: tx('第2希望の時間帯', 'Second choice: time', '2ばんめに いい 時間'), options: slots, showIf: { '!!': [{ var: 'secondDate' }] } },
          { key: 'interpreter', type: 'radio', label: tx('通訳が必要ですか', 'Do you need an interpreter?', 'つうやくが いりますか'), required: true, options: yesNo },
          { key: 'interpreterLanguage', type: 'text', label: tx('必要な言語', 'Language', 'ことば'), required: true, maxLength: 40, showIf: { '==': [{ var: 'interpreter' }, 'yes'] } },
          { key: 'notes', type: 'textarea', label: tx('事前に伝えたいこと', 'Anything we should know', 'さきに つたえたい こと'), maxLength: 1000 },
          { key: 'consent', type: 'consent', label: tx('同意事項', 'Consent', 'どうい'), required: true, content: tx('入力した情報を面談の調整に使うことに同意します。', 'I agree that the city uses this information to arrange the interview.', 'かいた ことを めんだんの ために つかう ことに どうい します。') },
        ],
      }],
    },
  ],
};
