/**
 * Demo forms: がん検診 申込 (screenings offered by sex and age, fee computed) and 講座申込 (course,
 * participants, material fee computed). In ja, en and やさしい日本語.
 */
import type { FormDefinition } from '../engine/types.ts';
import { tx, yesNo } from './seed-forms-children.ts';

const age = { age: [{ var: 'birthDate' }] };
const female = { '==': [{ var: 'sex' }, 'female'] };
const atLeast = (n: number) => ({ '>=': [age, n] });
const free = { or: [{ '>=': [age, 70] }, { '!=': [{ var: 'exemption' }, 'none'] }] };

/** がん検診 申込: the screenings shown depend on sex and age; the fee is 0 from 70 and for exempt households. */
export const cancerScreeningDefinition: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'person', title: tx('受診者', 'Person to be screened', 'けんしんを うける 人'),
      sections: [{
        id: 'person',
        fields: [
          { key: 'applicant', type: 'name', label: tx('氏名', 'Full name', 'なまえ'), required: true, furigana: true },
          { key: 'birthDate', type: 'date', label: tx('生年月日', 'Date of birth', 'うまれた 日'), required: true, minDate: '1900-01-01', maxDate: 'today-7300', help: tx('20歳以上の市民が対象です。', 'For residents aged 20 and over.', '20さい いじょうの 人が うけられます。') },
          {
            key: 'sex', type: 'radio', label: tx('性別（検診の種類を選ぶために使います）', 'Sex (decides which screenings apply)', 'せいべつ（けんしんの しゅるいを きめる ために つかいます）'), required: true,
            options: [{ value: 'female', label: tx('女性', 'Female', 'おんな') }, { value: 'male', label: tx('男性', 'Male', 'おとこ') }],
          },
          { key: 'postalCode', type: 'postalCode', label: tx('郵便番号', 'Postal code', 'ゆうびん ばんごう'), required: true, fillsAddress: 'address' },
          { key: 'address', type: 'address', label: tx('住所', 'Address', 'じゅうしょ'), required: true },
          { key: 'phone', type: 'phone', label: tx('電話番号', 'Phone number', 'でんわ ばんごう'), required: true },
          { key: 'email', type: 'email', label: tx('メールアドレス', 'Email address', 'メール アドレス'), required: true },
        ],
      }],
    },
    {
      id: 'exams', title: tx('受診する検診', 'Screenings', 'うける けんしん'),
      sections: [{
        id: 'exams',
        description: tx('年齢と性別で受けられる検診だけが表示されます。年齢は申込日時点です。', 'Only the screenings for your age and sex are shown (age on the day you apply).', 'あなたが うけられる けんしん だけが 出て います。'),
        fields: [
          {
            key: 'stomach', type: 'radio', label: tx('胃がん検診（40歳以上）', 'Stomach cancer (40 and over)', 'いの がんの けんしん（40さい いじょう）'), required: true, showIf: atLeast(40),
            options: [
              { value: 'none', label: tx('受けない', 'Not this time', 'うけない') },
              { value: 'xray', label: tx('胃部エックス線検査（1,000円）', 'Barium X-ray (1,000 yen)', 'レントゲン（1000えん）') },
              { value: 'endoscopy', label: tx('胃内視鏡検査・50歳以上（3,000円）', 'Endoscopy, 50 and over (3,000 yen)', 'いカメラ・50さい いじょう（3000えん）') },
            ],
          },
          { key: 'lung', type: 'radio', label: tx('肺がん検診・胸部エックス線（40歳以上、300円）', 'Lung cancer, chest X-ray (40 and over, 300 yen)', 'はいの がんの けんしん（300えん）'), required: true, options: yesNo, showIf: atLeast(40) },
          { key: 'colorectal', type: 'radio', label: tx('大腸がん検診・便潜血検査（40歳以上、500円）', 'Colorectal cancer, stool test (40 and over, 500 yen)', 'だいちょうの がんの けんしん（500えん）'), required: true, options: yesNo, showIf: atLeast(40) },
          { key: 'breast', type: 'radio', label: tx('乳がん検診・マンモグラフィ（40歳以上の女性、1,500円）', 'Breast cancer, mammography (women 40 and over, 1,500 yen)', 'むねの がんの けんしん（1500えん）'), required: true, options: yesNo, showIf: { and: [female, atLeast(40)] } },
          { key: 'cervical', type: 'radio', label: tx('子宮頸がん検診（20歳以上の女性、1,000円）', 'Cervical cancer (women 20 and over, 1,000 yen)', 'しきゅうの がんの けんしん（1000えん）'), required: true, options: yesNo, showIf: { and: [female, atLeast(20)] } },
          { key: 'pregnant', type: 'radio', label: tx('現在、妊娠していますか', 'Are you pregnant?', 'いま、おなかに あかちゃんが いますか'), required: true, options: yesNo, showIf: { '==': [{ var: 'cervical' }, 'yes'] } },
          {
            key: 'venue', type: 'select', label: tx('希望する会場', 'Preferred venue', 'いきたい ばしょ'), required: true,
            options: [
              { value: 'healthCenter', label: tx('保健センター（集団検診）', 'Health centre (group screening)', 'ほけん センター') },
              { value: 'clinic', label: tx('市内の指定医療機関（個別検診）', 'A designated clinic in the city', '市の なかの びょういん') },
            ],
          },
          { key: 'preferredDate', type: 'date', label: tx('希望日（集団検診）', 'Preferred date (group screening)', 'いきたい 日'), minDate: 'today+7', maxDate: 'today+180', showIf: { '==': [{ var: 'venue' }, 'healthCenter'] } },
        ],
      }],
    },
    {
      id: 'fee', title: tx('自己負担金と同意', 'Fee and consent', 'おかねと どうい'),
      sections: [{
        id: 'fee',
        fields: [
          {
            key: 'exemption', type: 'radio', label: tx('自己負担金の免除', 'Fee exemption', 'おかねが いらない 人'), required: true,
            help: tx('70歳以上の方は申請なしで無料です。', 'Free without asking from age 70.', '70さい いじょうの 人は おかねは いりません。'),
            options: [
              { value: 'none', label: tx('該当しない', 'Not exempt', 'あてはまらない') },
              { value: 'welfare', label: tx('生活保護受給世帯', 'Household on public assistance', 'せいかつ ほごを うけて いる') },
              { value: 'nonTaxed', label: tx('市民税非課税世帯', 'Household exempt from municipal tax', 'しみんぜいが かからない いえ') },
            ],
          },
          { key: 'consent', type: 'consent', label: tx('同意事項', 'Consent', 'どうい'), required: true, content: tx('検診結果を市が保存し、精密検査の受診勧奨に使うことに同意します。', 'I agree that the city keeps the results and uses them to advise follow-up examinations.', 'けんしんの けっかを 市が のこして、つぎの けんさを すすめる ために つかう ことに どうい します。') },
        ],
      }],
    },
  ],
  computed: [
    {
      key: 'fee', label: tx('自己負担金（合計）', 'Your fee (total)', 'はらう おかね（ぜんぶで）'), format: 'yen',
      expression: {
        if: [free, 0, {
          '+': [
            { if: [{ '==': [{ var: 'stomach' }, 'xray'] }, 1000, { '==': [{ var: 'stomach' }, 'endoscopy'] }, 3000, 0] },
            { if: [{ '==': [{ var: 'lung' }, 'yes'] }, 300, 0] },
            { if: [{ '==': [{ var: 'colorectal' }, 'yes'] }, 500, 0] },
            { if: [{ '==': [{ var: 'breast' }, 'yes'] }, 1500, 0] },
            { if: [{ '==': [{ var: 'cervical' }, 'yes'] }, 1000, 0] },
          ],
        }],
      },
    },
  ],
};

/** 講座申込: a course, how many take part, childcare; the material fee follows the course and the number of participants. */
export const courseDefinition: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'course', title: tx('講座と参加者', 'Course and participants', 'こうざと さんかする 人'),
      sections: [{
        id: 'course',
        fields: [
          {
            key: 'course', type: 'select', label: tx('講座', 'Course', 'こうざ'), required: true,
            options: [
              { value: 'smartphone', label: tx('はじめてのスマートフォン教室（無料）', 'Smartphone basics (free)', 'はじめての スマートフォン（むりょう）') },
              { value: 'cooking', label: tx('親子で作る郷土料理教室（材料費 1人500円）', 'Local cooking for parents and children (500 yen each for ingredients)', 'おやこで つくる りょうり（1人 500えん）') },
              { value: 'disaster', label: tx('家庭でできる防災講座（無料）', 'Disaster preparedness at home (free)', 'いえで できる ぼうさい（むりょう）') },
              { value: 'japanese', label: tx('外国人のための日本語教室（教材費 1,000円）', 'Japanese for foreign residents (1,000 yen for materials)', 'にほんごの きょうしつ（1000えん）') },
            ],
          },
          { key: 'applicant', type: 'name', label: tx('代表者の氏名', 'Name of the applicant', 'もうしこむ 人の なまえ'), required: true, furigana: true },
          { key: 'phone', type: 'phone', label: tx('電話番号', 'Phone number', 'でんわ ばんごう'), required: true },
          { key: 'email', type: 'email', label: tx('メールアドレス', 'Email address', 'メール アドレス'), required: true },
          { key: 'participants', type: 'number', label: tx('参加人数（代表者を含む）', 'Participants (including you)', 'さんかする 人の かず（あなたも いれて）'), required: true, min: 1, max: 4 },
          { key: 'companions', type: 'textarea', label: tx('同伴者の氏名と年齢', 'Names and ages of the others', 'いっしょに くる 人の なまえと としの かず'), required: true, maxLength: 300, showIf: { '>': [{ var: 'participants' }, 1] } },
          { key: 'allergies', type: 'textarea', label: tx('食物アレルギー', 'Food allergies', 'たべものの アレルギー'), maxLength: 300, showIf: { '==': [{ var: 'course' }, 'cooking'] } },
          { key: 'childcare', type: 'radio', label: tx('託児を希望しますか（1歳以上の未就学児）', 'Do you need childcare (age 1 to school age)?', 'こどもを あずけたい ですか'), required: true, options: yesNo, showIf: { '!=': [{ var: 'course' }, 'cooking'] } },
          { key: 'childcareCount', type: 'number', label: tx('託児の人数', 'Children in childcare', 'あずける こどもの かず'), required: true, min: 1, max: 3, showIf: { '==': [{ var: 'childcare' }, 'yes'] } },
          { key: 'heardFrom', type: 'checkboxes', label: tx('講座を知ったきっかけ', 'How did you hear about it?', 'どこで しりましたか'), options: [
            { value: 'bulletin', label: tx('広報紙', 'City bulletin', 'しの おしらせ') },
            { value: 'web', label: tx('ホームページ', 'Website', 'ホームページ') },
            { value: 'sns', label: tx('SNS', 'Social media', 'SNS') },
            { value: 'friend', label: tx('知人の紹介', 'From someone I know', 'しりあいから') },
          ] },
          { key: 'consent', type: 'consent', label: tx('同意事項', 'Consent', 'どうい'), required: true, content: tx('定員を超えた場合は抽選となること、結果をメールで受け取ることに同意します。', 'I understand that places are drawn by lot when oversubscribed, and that the result is emailed.', '人が おおい ときは くじびきに なります。けっかは メールで おしらせ します。') },
        ],
      }],
    },
  ],
  computed: [
    {
      key: 'materialFee', label: tx('材料費・教材費（合計）', 'Materials (total)', 'ざいりょうの おかね（ぜんぶで）'), format: 'yen',
      expression: { if: [{ '==': [{ var: 'course' }, 'cooking'] }, { '*': [{ var: 'participants' }, 500] }, { '==': [{ var: 'course' }, 'japanese'] }, { '*': [{ var: 'participants' }, 1000] }, 0] },
    },
  ],
};
