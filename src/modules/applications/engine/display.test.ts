import { describe, expect, it } from 'vitest';
import { computeValues, displayAnswer, displayComputed, flattenFields, formatDate } from './display.ts';
import { childAllowanceForm, validChildAllowanceAnswers } from './fixtures.ts';
import type { Answers, FormField } from './types.ts';

const t = (ja: string, en?: string) => (en ? { ja, en } : { ja });
const field = (f: Partial<FormField> & Pick<FormField, 'type'>): FormField => ({ key: 'f', label: t('F'), ...f });

describe('displayAnswer', () => {
  it('writes yen and numbers with commas', () => {
    expect(displayAnswer(field({ type: 'currency' }), 1234567, 'ja')).toBe('1,234,567円');
    expect(displayAnswer(field({ type: 'currency' }), 1234567, 'en')).toBe('¥1,234,567');
    expect(displayAnswer(field({ type: 'number' }), 12345.5, 'ja')).toBe('12,345.5');
  });

  it('writes dates with their 和暦 in Japanese', () => {
    expect(displayAnswer(field({ type: 'date' }), '2024-04-01', 'ja')).toBe('2024年4月1日（令和6年4月1日）');
    expect(displayAnswer(field({ type: 'date' }), '2019-05-01', 'ja-easy')).toBe('2019年5月1日（令和元年5月1日）');
    expect(displayAnswer(field({ type: 'date' }), '2024-04-01', 'en')).toBe('2024-04-01');
    expect(formatDate('1800-01-01', 'ja')).toBe('1800年1月1日');
    expect(displayAnswer(field({ type: 'date' }), 'not a date', 'ja')).toBe('not a date');
  });

  it('writes names with furigana and addresses in one line', () => {
    const name = { family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' };
    expect(displayAnswer(field({ type: 'name' }), name, 'ja')).toBe('山田 太郎（ヤマダ タロウ）');
    expect(displayAnswer(field({ type: 'name' }), name, 'en')).toBe('山田 太郎 (ヤマダ タロウ)');
    expect(displayAnswer(field({ type: 'name' }), { family: '山田', given: '太郎' }, 'ja')).toBe('山田 太郎');
    expect(displayAnswer(field({ type: 'address' }), { prefecture: '三重県', city: '松阪市', street: '殿町1340-1', building: '本館' }, 'ja')).toBe('三重県松阪市殿町1340-1 本館');
  });

  it('writes option labels, joined with 、 in Japanese', () => {
    const options = [{ value: 'morning', label: t('午前', 'Morning') }, { value: 'evening', label: t('夕方', 'Evening') }];
    expect(displayAnswer(field({ type: 'checkboxes', options }), ['morning', 'evening'], 'ja')).toBe('午前、夕方');
    expect(displayAnswer(field({ type: 'checkboxes', options }), ['morning', 'evening'], 'en')).toBe('Morning, Evening');
    expect(displayAnswer(field({ type: 'radio', options }), 'evening', 'ja-easy')).toBe('夕方');
    expect(displayAnswer(field({ type: 'select', options }), 'gone', 'ja')).toBe('gone');
  });

  it('writes consent, files, groups and empty answers', () => {
    expect(displayAnswer(field({ type: 'consent' }), true, 'ja')).toBe('同意する');
    expect(displayAnswer(field({ type: 'consent' }), false, 'en')).toBe('Not agreed');
    expect(displayAnswer(field({ type: 'file' }), ['a', 'b'], 'ja')).toBe('2件');
    expect(displayAnswer(field({ type: 'file' }), ['a'], 'ja', { uploads: { a: { filename: '保険証.pdf' } } })).toBe('保険証.pdf');
    expect(displayAnswer(field({ type: 'group' }), [{}, {}], 'en')).toBe('2 item(s)');
    for (const v of [undefined, null, '']) expect(displayAnswer(field({ type: 'text' }), v, 'ja')).toBe('');
    expect(displayAnswer(field({ type: 'text' }), 'そのまま', 'ja')).toBe('そのまま');
  });
});

describe('computed values', () => {
  it('computes the fixture amount from the children count', () => {
    expect(computeValues(childAllowanceForm, validChildAllowanceAnswers('u1'))).toEqual({ childCount: 2, monthlyAmount: 20000 });
    expect(computeValues(childAllowanceForm, {})).toEqual({ childCount: 0, monthlyAmount: 0 });
  });

  it('computes on pruned answers: hidden answers do not count', () => {
    const def = structuredClone(childAllowanceForm);
    def.computed = [{ key: 'income', label: t('所得'), expression: { '+': [{ var: ['spouseIncome', 0] }, 0] }, format: 'yen' }];
    expect(computeValues(def, { hasSpouse: 'yes', spouseIncome: 100 })).toEqual({ income: 100 });
    expect(computeValues(def, { hasSpouse: 'no', spouseIncome: 100 })).toEqual({ income: 0 });
  });

  it('displays computed values by format', () => {
    const [count, amount] = childAllowanceForm.computed!;
    expect(displayComputed(amount!, 20000, 'ja')).toBe('20,000円');
    expect(displayComputed(count!, 1234, 'en')).toBe('1,234');
    expect(displayComputed({ ...count!, format: 'text' }, 1234, 'en')).toBe('1234');
    expect(displayComputed(amount!, null, 'ja')).toBe('');
  });
});

describe('flattenFields', () => {
  it('lists every answerable field in order, groups spread to the most items present', () => {
    const samples: Answers[] = [validChildAllowanceAnswers('u1'), { children: [{}, {}, {}] }, {}];
    const flat = flattenFields(childAllowanceForm, samples);
    const paths = flat.map((f) => f.path);
    expect(paths.slice(0, 10)).toEqual(['applicant', 'birthDate', 'postalCode', 'address', 'phone', 'email', 'contactTimes', 'hasSpouse', 'spouse', 'spouseIncome']);
    expect(paths.filter((p) => p.startsWith('children'))).toHaveLength(15);
    expect(paths).toContain('children[2].livesTogether');
    expect(paths).not.toContain('documentsNote');
    expect(paths.slice(-3)).toEqual(['idDocument', 'notes', 'consent']);
    const second = flat.find((f) => f.path === 'children[1].birthDate')!;
    expect(second.label).toEqual({ ja: '子ども 2：お子さんの生年月日', en: "Child 2: Child's date of birth", 'ja-easy': 'こども 2：こどもが うまれた 日' });
    expect(second.field.type).toBe('date');
  });

  it('gives a group at least its minimum items even with no samples', () => {
    expect(flattenFields(childAllowanceForm).filter((f) => f.path.startsWith('children')).map((f) => f.path))
      .toEqual(['children[0].name', 'children[0].birthDate', 'children[0].relationship', 'children[0].relationshipOther', 'children[0].livesTogether']);
  });
});
