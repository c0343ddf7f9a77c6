import { describe, expect, it } from 'vitest';
import type { Answers, FieldError, FormDefinition, FormField, FormLang, UploadInfo } from './types.ts';
import { validateAnswers } from './validate.ts';

const TODAY = '2025-04-01';
const t = (ja: string, en?: string) => (en ? { ja, en } : { ja });
const one = (field: FormField): FormDefinition => ({ schemaVersion: 1, pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: [field] }] }] });

function check(field: Partial<FormField> & Pick<FormField, 'type'>, value: unknown, opts: { lang?: FormLang; uploads?: Record<string, UploadInfo>; key?: string } = {}): FieldError[] {
  const key = opts.key ?? 'f';
  const answers: Answers = value === undefined ? {} : { [key]: value as Answers[string] };
  return validateAnswers(one({ key, label: t('氏名', 'Name'), ...field }), answers, { lang: opts.lang ?? 'ja', today: TODAY, uploads: opts.uploads });
}
const brief = (errors: FieldError[]) => errors.map((e) => `${e.path}:${e.code}`);

describe('name', () => {
  const name = { type: 'name' as const, required: true, furigana: true };

  it('needs family, given and their katakana when required', () => {
    expect(check(name, { family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' })).toEqual([]);
    expect(brief(check(name, undefined))).toEqual(['f:required']);
    const errors = check(name, { family: '山田', given: '', familyKana: '' });
    expect(brief(errors)).toEqual(['f.given:required', 'f.familyKana:required', 'f.givenKana:required']);
    expect(errors[0]!.message).toBe('「氏名（名）」を入力してください。');
    expect(check(name, { family: '山田' }, { lang: 'en' })[0]!.message).toBe('Enter “Name (given name)”.');
  });

  it('wants katakana (with spaces, ー and ・) in the furigana', () => {
    expect(check(name, { family: '山田', given: 'ジョン', familyKana: 'ヤマダ', givenKana: 'ジョン・ポール ヴァー' })).toEqual([]);
    const errors = check(name, { family: '山田', given: '太郎', familyKana: 'やまだ', givenKana: 'Taro' });
    expect(brief(errors)).toEqual(['f.familyKana:kana', 'f.givenKana:kana']);
    expect(errors[0]!.message).toBe('「氏名（セイ）」はカタカナで入力してください。');
  });

  it('asks no furigana when the field does not, and completes a partly given optional name', () => {
    expect(check({ type: 'name', required: true }, { family: '山田', given: '太郎' })).toEqual([]);
    expect(check({ type: 'name' }, { family: '', given: '' })).toEqual([]);
    expect(brief(check({ type: 'name' }, { family: '山田' }))).toEqual(['f.given:required']);
  });

  it('rejects wrong shapes and overlong parts', () => {
    expect(brief(check(name, '山田太郎'))).toEqual(['f:type']);
    expect(brief(check(name, { family: 1, given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' }))).toEqual(['f.family:type']);
    expect(brief(check(name, { family: '山'.repeat(51), given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' }))).toEqual(['f.family:maxLength']);
  });
});

describe('address', () => {
  const address = { type: 'address' as const, required: true, label: t('住所', 'Address') };
  it('needs prefecture, city and street; building is optional', () => {
    expect(check(address, { prefecture: '三重県', city: '松阪市', street: '殿町1340-1' })).toEqual([]);
    expect(check(address, { prefecture: '三重県', city: '松阪市', street: '殿町1340-1', building: '市役所本館' })).toEqual([]);
    const errors = check(address, { prefecture: '三重県', city: '', street: '' });
    expect(brief(errors)).toEqual(['f.city:required', 'f.street:required']);
    expect(errors[0]!.message).toBe('「住所（市区町村）」を入力してください。');
    expect(brief(check(address, {}))).toEqual(['f:required']);
  });

  it('accepts only real prefectures', () => {
    const errors = check(address, { prefecture: '松阪県', city: '松阪市', street: '殿町' });
    expect(brief(errors)).toEqual(['f.prefecture:option']);
  });
});

describe('file', () => {
  const file = { type: 'file' as const, required: true, accept: ['application/pdf', 'image/jpeg'], maxSizeMb: 1, maxFiles: 2, label: t('本人確認書類', 'ID') };
  const uploads: Record<string, UploadInfo> = {
    pdf: { id: 'pdf', contentType: 'application/pdf', size: 1024 * 1024 },
    big: { id: 'big', contentType: 'image/jpeg', size: 1024 * 1024 + 1, filename: 'photo.jpg' },
    gif: { id: 'gif', contentType: 'image/gif', size: 10, filename: 'scan.gif' },
    png: { id: 'png', contentType: 'image/png', size: 10 },
  };

  it('accepts known uploads of an accepted type and size', () => {
    expect(check(file, ['pdf'], { uploads })).toEqual([]);
  });

  it('names each rejected file and what is accepted', () => {
    const errors = check(file, ['gif', 'big'], { uploads });
    expect(brief(errors)).toEqual(['f:fileType', 'f:fileSize']);
    expect(errors[0]!.message).toBe('「本人確認書類」：「scan.gif」は受け付けられない種類のファイルです。PDF、JPEGのファイルを添付してください。');
    expect(errors[1]!.message).toBe('「本人確認書類」：「photo.jpg」は1MBを超えています。');
    expect(check(file, ['png'], { uploads, lang: 'en' })[0]!.message).toBe('“ID”: the file is a type of file we cannot accept. Attach PDF, JPEG.');
  });

  it('rejects unknown ids, too many files and bad shapes', () => {
    expect(brief(check(file, ['nope'], { uploads }))).toEqual(['f:unknown']);
    expect(brief(check(file, ['toString'], { uploads }))).toEqual(['f:unknown']);
    expect(brief(check(file, ['pdf', 'pdf'], { uploads }))).toEqual(['f:type']);
    expect(brief(check(file, 'pdf', { uploads }))).toEqual(['f:type']);
    const three = { a: { id: 'a', contentType: 'application/pdf', size: 1 }, b: { id: 'b', contentType: 'application/pdf', size: 1 }, c: { id: 'c', contentType: 'application/pdf', size: 1 } };
    expect(brief(check(file, ['a', 'b', 'c'], { uploads: three }))).toEqual(['f:maxFiles']);
    expect(brief(check({ type: 'file' }, ['a', 'b'], { uploads: three }))).toEqual(['f:maxFiles']); // one file unless maxFiles says more
  });

  it('checks counts but not ids when the uploads are not known (browser)', () => {
    expect(check(file, ['whatever'])).toEqual([]);
    expect(brief(check(file, []))).toEqual(['f:required']);
  });
});

describe('repeating group', () => {
  const group: FormField = {
    key: 'children', type: 'group', label: t('お子さん', 'Children'), itemLabel: t('子ども', 'Child'), minItems: 1, maxItems: 2,
    fields: [
      { key: 'birthDate', type: 'date', label: t('生年月日', 'Date of birth'), required: true, maxDate: 'today' },
      { key: 'kind', type: 'radio', label: t('続柄'), options: [{ value: 'child', label: t('子') }, { value: 'other', label: t('その他') }] },
      { key: 'other', type: 'text', label: t('続柄（その他）'), required: true, showIf: { '==': [{ var: 'kind' }, 'other'] } },
      { key: 'school', type: 'text', label: t('学校名'), required: true, showIf: { '==': [{ var: 'askSchool' }, 'yes'] } },
    ],
  };
  const def = (extra: FormField[] = []): FormDefinition => ({
    schemaVersion: 1,
    pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: [{ key: 'askSchool', type: 'text', label: t('学校') }, group, ...extra] }] }],
  });
  const run = (answers: Answers, lang: FormLang = 'ja') => validateAnswers(def(), answers, { lang, today: TODAY });

  it('counts items against min and max', () => {
    expect(brief(run({}))).toEqual(['children:minItems']);
    expect(brief(run({ children: [] }))).toEqual(['children:minItems']);
    expect(run({ children: [] })[0]!.message).toBe('「お子さん」は1件以上入力してください。');
    const three = [{ birthDate: '2020-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2020-01-01' }];
    expect(brief(run({ children: three }))).toEqual(['children:maxItems']);
    expect(brief(run({ children: 'x' as unknown as Answers[] }))).toEqual(['children:type']);
    expect(brief(run({ children: ['x' as unknown as Answers] }))).toEqual(['children[0]:type']);
  });

  it('validates each item with 0-based paths and 1-based labels', () => {
    const errors = run({ children: [{ birthDate: '2020-01-01' }, { birthDate: '2030-01-01' }] });
    expect(brief(errors)).toEqual(['children[1].birthDate:maxDate']);
    expect(errors[0]!.message).toBe('「子ども 2：生年月日」は2025年4月1日以前の日付を入力してください。');
    expect(run({ children: [{}] }, 'en')[0]!.message).toBe('Enter “Child 1: Date of birth”.');
  });

  it('shows item fields by the item\'s own answers, then by top-level answers', () => {
    const errors = run({ askSchool: 'yes', children: [{ birthDate: '2020-01-01', kind: 'other' }, { birthDate: '2020-01-01', kind: 'child' }] });
    expect(brief(errors)).toEqual(['children[0].other:required', 'children[0].school:required', 'children[1].school:required']);
    expect(run({ children: [{ birthDate: '2020-01-01', kind: 'child', other: 123 as unknown as string }] })).toEqual([]);
  });

  it('requires items when the group is required', () => {
    const requiredGroup: FormDefinition = { schemaVersion: 1, pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: [{ ...group, minItems: undefined, required: true }] }] }] };
    const required = validateAnswers(requiredGroup, { children: [] }, { lang: 'ja', today: TODAY });
    expect(brief(required)).toEqual(['children:required']);
  });
});
