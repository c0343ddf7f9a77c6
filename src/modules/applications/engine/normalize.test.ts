import { describe, expect, it } from 'vitest';
import { childAllowanceForm, validChildAllowanceAnswers } from './fixtures.ts';
import { normalizeAnswers, normalizeKana, normalizeTimeInput, resolveDateBound } from './normalize.ts';
import type { Answers } from './types.ts';
import { validateAnswers } from './validate.ts';

describe('small normalisers', () => {
  it('times', () => {
    expect(normalizeTimeInput('9:30')).toBe('09:30');
    expect(normalizeTimeInput('９：３０')).toBe('09:30');
    expect(normalizeTimeInput('9時30分')).toBe('09:30');
    expect(normalizeTimeInput('14時')).toBe('14:00');
    expect(normalizeTimeInput('0930')).toBe('09:30');
    expect(normalizeTimeInput('noon')).toBe('noon');
  });

  it('furigana becomes katakana', () => {
    expect(normalizeKana(' やまだ　たろう ')).toBe('ヤマダ タロウ');
    expect(normalizeKana('ﾔﾏﾀﾞ')).toBe('ヤマダ');
    expect(normalizeKana('ゔぁいおりん')).toBe('ヴァイオリン');
  });

  it('date bounds', () => {
    expect(resolveDateBound('today', '2024-12-31')).toBe('2024-12-31');
    expect(resolveDateBound('today+1', '2024-12-31')).toBe('2025-01-01');
    expect(resolveDateBound('today-366', '2024-12-31')).toBe('2023-12-31');
    expect(resolveDateBound('2024-02-29', '2024-12-31')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', 'tomorrow', 'today+', 'today*2', 'today+1234567']) expect(resolveDateBound(bad, '2024-12-31'), bad).toBeNull();
  });
});

describe('normalizeAnswers', () => {
  const typed: Answers = {
    applicant: { family: ' 山田 ', given: '太郎', familyKana: 'やまだ', givenKana: 'ﾀﾛｳ' },
    birthDate: '昭和60年4月12日',
    postalCode: '〒５１５ー８５１５',
    address: { prefecture: ' 三重県', city: '松阪市 ', street: '殿町１３４０－１' },
    phone: '（0598）53−4321',
    email: ' ｔａｒｏ@example.jp ',
    contactTimes: ['morning', 'morning'],
    hasSpouse: ' no ',
    spouseIncome: '１，２００，０００円',
    children: [{ name: { family: '山田', given: '花子', familyKana: 'ヤマダ', givenKana: 'はなこ' }, birthDate: 'H27.6.10', relationship: 'child', livesTogether: 'yes' }],
    notes: ' line1\r\nline2 ',
    unknownKey: '  kept for prune to drop  ',
  };

  it('cleans each type as people type it', () => {
    const n = normalizeAnswers(childAllowanceForm, typed);
    expect(n.applicant).toEqual({ family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
    expect(n.birthDate).toBe('1985-04-12');
    expect(n.postalCode).toBe('515-8515');
    expect(n.address).toEqual({ prefecture: '三重県', city: '松阪市', street: '殿町１３４０－１' });
    expect(n.phone).toBe('0598-53-4321');
    expect(n.email).toBe('taro@example.jp');
    expect(n.contactTimes).toEqual(['morning']);
    expect(n.hasSpouse).toBe('no');
    expect(n.spouseIncome).toBe(1_200_000);
    expect((n.children as Answers[])[0]).toMatchObject({ name: { givenKana: 'ハナコ' }, birthDate: '2015-06-10' });
    expect(n.notes).toBe('line1\nline2');
    expect(n.unknownKey).toBe('  kept for prune to drop  ');
    expect(typed.birthDate).toBe('昭和60年4月12日'); // the input is not changed
  });

  it('leaves what it cannot read for validation to report', () => {
    const n = normalizeAnswers(childAllowanceForm, { birthDate: '来週', spouseIncome: '多め', phone: 12 as unknown as string, children: 'x' as unknown as Answers[] });
    expect(n).toEqual({ birthDate: '来週', spouseIncome: '多め', phone: 12, children: 'x' });
    expect(normalizeAnswers(childAllowanceForm, { spouseIncome: ' ' }).spouseIncome).toBeNull();
  });

  it('turns typed answers into answers that validate', () => {
    const answers = { ...validChildAllowanceAnswers('u1'), ...typed, hasSpouse: 'no' };
    const uploads = { u1: { id: 'u1', contentType: 'application/pdf', size: 1 } };
    expect(validateAnswers(childAllowanceForm, answers, { lang: 'ja', uploads, today: '2025-04-01' }).length).toBeGreaterThan(0);
    expect(validateAnswers(childAllowanceForm, normalizeAnswers(childAllowanceForm, answers), { lang: 'ja', uploads, today: '2025-04-01' })).toEqual([]);
  });
});
