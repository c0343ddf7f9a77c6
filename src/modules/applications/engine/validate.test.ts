import { describe, expect, it } from 'vitest';
import { childAllowanceForm, validChildAllowanceAnswers } from './fixtures.ts';
import type { Answers, FieldError, FormDefinition, FormField, FormLang, UploadInfo } from './types.ts';
import { validateAnswers } from './validate.ts';

const TODAY = '2025-04-01';
const t = (ja: string, en?: string) => (en ? { ja, en } : { ja });
const one = (field: FormField): FormDefinition => ({ schemaVersion: 1, pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: [field] }] }] });

/** Errors for one field with one answer (absent when value is undefined). */
function check(field: Partial<FormField> & Pick<FormField, 'type'>, value: unknown, lang: FormLang = 'ja', uploads?: Record<string, UploadInfo>): FieldError[] {
  const answers: Answers = value === undefined ? {} : { f: value as Answers[string] };
  return validateAnswers(one({ key: 'f', label: t('項目', 'Item'), ...field }), answers, { lang, today: TODAY, uploads });
}
const codes = (errors: FieldError[]) => errors.map((e) => e.code);
const upload = (id: string, contentType = 'application/pdf', size = 1000, filename?: string): Record<string, UploadInfo> => ({ [id]: { id, contentType, size, filename } });

describe('the fixture', () => {
  it('accepts the valid answers and reports each missing answer with its label', () => {
    const uploads = upload('u1');
    expect(validateAnswers(childAllowanceForm, validChildAllowanceAnswers('u1'), { lang: 'ja', uploads, today: TODAY })).toEqual([]);
    const errors = validateAnswers(childAllowanceForm, { hasSpouse: 'no', children: [{ relationship: 'other' }] }, { lang: 'ja', uploads, today: TODAY });
    expect(errors.map((e) => e.path)).toEqual([
      'applicant', 'birthDate', 'postalCode', 'address', 'phone', 'email',
      'children[0].name', 'children[0].birthDate', 'children[0].relationshipOther', 'children[0].livesTogether',
      'bankName', 'branchName', 'accountType', 'accountNumber', 'idDocument', 'consent',
    ]);
    expect(errors.find((e) => e.path === 'children[0].birthDate')?.message).toBe('「子ども 1：お子さんの生年月日」を入力してください。');
    expect(errors.find((e) => e.path === 'accountType')?.message).toBe('「預金種別」を選択してください。');
    expect(errors.find((e) => e.path === 'idDocument')?.message).toBe('「本人確認書類」を添付してください。');
    expect(errors.find((e) => e.path === 'consent')?.message).toBe('「同意事項」に同意してください。');
  });

  it('speaks English and やさしい日本語', () => {
    const en = validateAnswers(childAllowanceForm, { hasSpouse: 'no', children: [{}] }, { lang: 'en', today: TODAY });
    expect(en.find((e) => e.path === 'children[0].birthDate')?.message).toBe('Enter “Child 1: Child\'s date of birth”.');
    const easy = validateAnswers(childAllowanceForm, { hasSpouse: 'no' }, { lang: 'ja-easy', today: TODAY });
    expect(easy.find((e) => e.path === 'birthDate')?.message).toBe('「うまれた 日」を かいて ください。');
  });

  it('validates the spouse page only when it is on the path', () => {
    const answers = { ...validChildAllowanceAnswers('u1'), hasSpouse: 'yes' };
    const errors = validateAnswers(childAllowanceForm, answers, { lang: 'ja', uploads: upload('u1'), today: TODAY });
    expect(errors.map((e) => e.path)).toEqual(['spouse']);
  });

  it('ignores unknown keys and hidden fields, whatever they hold', () => {
    const answers = { ...validChildAllowanceAnswers('u1'), junk: { deep: [1] }, spouse: 42, __proto__: { x: 1 } } as unknown as Answers;
    expect(validateAnswers(childAllowanceForm, answers, { lang: 'ja', uploads: upload('u1'), today: TODAY })).toEqual([]);
  });

  it('limits errors to the paths asked for (corrections)', () => {
    const answers = { ...validChildAllowanceAnswers('u1'), email: 'bad', children: [{ birthDate: 'x' }] } as Answers;
    const opts = { lang: 'ja' as const, uploads: upload('u1'), today: TODAY };
    expect(validateAnswers(childAllowanceForm, answers, { ...opts, only: ['email'] }).map((e) => e.path)).toEqual(['email']);
    expect(validateAnswers(childAllowanceForm, answers, { ...opts, only: ['children[0].birthDate'] }).map((e) => e.path)).toEqual(['children[0].birthDate']);
    expect(validateAnswers(childAllowanceForm, answers, { ...opts, only: ['children'] }).length).toBe(4);
    expect(validateAnswers(childAllowanceForm, answers, { ...opts, only: ['phone'] })).toEqual([]);
  });

  it('survives answers that are not an object at all', () => {
    expect(validateAnswers(childAllowanceForm, null as unknown as Answers, { lang: 'ja', today: TODAY }).length).toBeGreaterThan(5);
  });
});

describe('required', () => {
  it('counts blank text, null and empty lists as empty', () => {
    for (const v of [undefined, null, '', '   ']) expect(codes(check({ type: 'text', required: true }, v))).toEqual(['required']);
    expect(codes(check({ type: 'checkboxes', required: true, options: [{ value: 'a', label: t('A') }] }, []))).toEqual(['required']);
    expect(check({ type: 'text' }, '')).toEqual([]);
    expect(check({ type: 'number', required: true }, 0)).toEqual([]);
  });

  it('needs consent to be true when required, and a boolean always', () => {
    expect(codes(check({ type: 'consent', required: true }, false))).toEqual(['consent']);
    expect(codes(check({ type: 'consent', required: true }, undefined))).toEqual(['consent']);
    expect(check({ type: 'consent', required: true }, true)).toEqual([]);
    expect(check({ type: 'consent' }, false)).toEqual([]);
    expect(codes(check({ type: 'consent' }, 'yes'))).toEqual(['type']);
  });
});

describe('text', () => {
  it('counts length in code points', () => {
    expect(check({ type: 'text', maxLength: 2 }, '𠮷野')).toEqual([]);
    expect(check({ type: 'text', maxLength: 2 }, '𠮷野家')[0]).toMatchObject({ code: 'maxLength', message: '「項目」は2文字以内で入力してください。' });
    expect(codes(check({ type: 'textarea', minLength: 3 }, 'ab'))).toEqual(['minLength']);
    expect(codes(check({ type: 'text' }, 12))).toEqual(['type']);
  });

  it('matches the whole value against a pattern, with the form\'s own message if any', () => {
    expect(check({ type: 'text', pattern: '[0-9]{7}' }, '1234567')).toEqual([]);
    expect(codes(check({ type: 'text', pattern: '[0-9]{7}' }, '12345678'))).toEqual(['pattern']);
    expect(codes(check({ type: 'text', pattern: 'a|b' }, 'ab'))).toEqual(['pattern']);
    expect(check({ type: 'text', pattern: '\\d+', patternMessage: t('数字だけ', 'Digits only') }, 'x', 'en')[0]!.message).toBe('Digits only');
    expect(check({ type: 'text', pattern: '\\p{Script=Katakana}+' }, 'カタカナ')).toEqual([]);
    expect(check({ type: 'text', pattern: '[\\-0-9]+' }, '1-2')).toEqual([]); // not valid with the u flag; compiled without it
    expect(codes(check({ type: 'text', pattern: '([' }, 'x'))).toEqual(['pattern']);
  });
});

describe('numbers and yen', () => {
  it('checks type, decimals and range', () => {
    expect(codes(check({ type: 'number' }, '12'))).toEqual(['type']);
    expect(codes(check({ type: 'number' }, Number.NaN))).toEqual(['type']);
    expect(check({ type: 'number' }, 1.5)[0]).toMatchObject({ code: 'decimals', message: '「項目」は整数で入力してください。' });
    expect(check({ type: 'number', decimals: 2 }, 1.25)).toEqual([]);
    expect(codes(check({ type: 'number', decimals: 2 }, 1.255))).toEqual(['decimals']);
    expect(check({ type: 'number', decimals: 1 }, 0.1 + 0.2).length).toBe(1);
    expect(check({ type: 'number', min: 1, max: 10 }, 11)[0]!.message).toBe('「項目」は10以下で入力してください。');
    expect(codes(check({ type: 'number', min: -5 }, -6))).toEqual(['min']);
  });

  it('takes yen as whole numbers of zero or more, and says so in yen', () => {
    expect(check({ type: 'currency' }, 12000)).toEqual([]);
    expect(codes(check({ type: 'currency' }, 100.5))).toEqual(['decimals']);
    expect(check({ type: 'currency' }, -1)[0]!.message).toBe('「項目」は0円以上で入力してください。');
    expect(check({ type: 'currency', max: 1_000_000 }, 2_000_000, 'en')[0]!.message).toBe('“Item” must be ¥1,000,000 or less.');
  });
});

describe('dates and times', () => {
  it('wants a real YYYY-MM-DD date', () => {
    expect(check({ type: 'date' }, '2024-02-29')).toEqual([]);
    for (const v of ['2023-02-29', '2024/04/01', '令和6年4月1日', '2024-4-1']) expect(codes(check({ type: 'date' }, v)), v).toEqual(['date']);
    expect(codes(check({ type: 'date' }, 20240401))).toEqual(['type']);
  });

  it('applies fixed and today-relative bounds in JST', () => {
    expect(check({ type: 'date', maxDate: 'today' }, TODAY)).toEqual([]);
    expect(check({ type: 'date', maxDate: 'today' }, '2025-04-02')[0]).toMatchObject({ code: 'maxDate', message: '「項目」は2025年4月1日以前の日付を入力してください。' });
    expect(check({ type: 'date', minDate: 'today+7' }, '2025-04-07')[0]!.code).toBe('minDate');
    expect(check({ type: 'date', minDate: 'today+7' }, '2025-04-08')).toEqual([]);
    expect(check({ type: 'date', minDate: 'today-30' }, '2025-03-02')).toEqual([]);
    expect(check({ type: 'date', minDate: '2025-01-01' }, '2024-12-31', 'en')[0]!.message).toBe('“Item” must be on or after 2025-01-01.');
  });

  it('wants times from 00:00 to 23:59', () => {
    for (const v of ['00:00', '09:30', '23:59']) expect(check({ type: 'time' }, v)).toEqual([]);
    for (const v of ['24:00', '9:30', '12:60', '12:5']) expect(codes(check({ type: 'time' }, v)), v).toEqual(['time']);
  });
});

describe('choices', () => {
  const options = [{ value: 'a', label: t('A') }, { value: 'b', label: t('B') }, { value: 'c', label: t('C') }];
  it('accepts only listed values', () => {
    expect(check({ type: 'select', options }, 'a')).toEqual([]);
    expect(codes(check({ type: 'radio', options }, 'z'))).toEqual(['option']);
    expect(codes(check({ type: 'radio', options }, ['a']))).toEqual(['type']);
    expect(codes(check({ type: 'checkboxes', options }, ['a', 'z']))).toEqual(['option']);
    expect(codes(check({ type: 'checkboxes', options }, ['a', 'a']))).toEqual(['type']);
    expect(codes(check({ type: 'select', options }, 'constructor'))).toEqual(['option']);
  });

  it('counts ticks against min and max', () => {
    expect(codes(check({ type: 'checkboxes', options, minSelected: 2 }, ['a']))).toEqual(['minSelected']);
    expect(check({ type: 'checkboxes', options, maxSelected: 2 }, ['a', 'b', 'c'])[0]!.message).toBe('「項目」は2つまで選んでください。');
    expect(check({ type: 'checkboxes', options, minSelected: 2, maxSelected: 2 }, ['a', 'c'])).toEqual([]);
  });
});

describe('contact fields', () => {
  it('email', () => {
    for (const v of ['taro@example.jp', 'a.b+c@mail.city.matsusaka.mie.jp', 'x..y.@docomo.ne.jp']) expect(check({ type: 'email' }, v), v).toEqual([]);
    for (const v of ['taro', 'taro@', '@example.jp', 'a@b', 'a b@example.jp', 'a@example..jp', 'a@@example.jp']) expect(codes(check({ type: 'email' }, v)), v).toEqual(['email']);
  });

  it('phone: Japanese numbers with optional hyphens, or +81', () => {
    for (const v of ['0598-53-4321', '0598534321', '090-1234-5678', '09012345678', '+81-90-1234-5678', '+819012345678', '0120-123-456', '03-1234-5678']) {
      expect(check({ type: 'phone' }, v), v).toEqual([]);
    }
    for (const v of ['598534321', '090-1234-56789', '0598--53-4321', '-0598534321', '0598534321-', '0005-12-3456', '090 1234 5678', '+1-202-555-0100', '110']) {
      expect(codes(check({ type: 'phone' }, v)), v).toEqual(['phone']);
    }
  });

  it('postal code: 7 digits, optionally NNN-NNNN', () => {
    for (const v of ['515-8515', '5158515']) expect(check({ type: 'postalCode' }, v)).toEqual([]);
    for (const v of ['515-851', '51-58515', '515 8515', '５１５-８５１５']) expect(codes(check({ type: 'postalCode' }, v)), v).toEqual(['postalCode']);
  });
});
