import { describe, expect, it } from 'vitest';
import { checkDefinition } from './definition.ts';
import { childAllowanceForm } from './fixtures.ts';
import type { FormDefinition, FormField } from './types.ts';

const t = (ja: string) => ({ ja });
const clone = (): FormDefinition => structuredClone(childAllowanceForm);
const withField = (field: Partial<FormField> | Record<string, unknown>): FormDefinition => ({
  schemaVersion: 1,
  pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: [{ key: 'f', type: 'text', label: t('F'), ...field } as FormField] }] }],
});
const paths = (def: unknown) => checkDefinition(def).map((p) => p.path);

describe('checkDefinition', () => {
  it('accepts the fixture', () => {
    expect(checkDefinition(childAllowanceForm)).toEqual([]);
  });

  it('rejects what is not a form at all', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({ schemaVersion: 2, pages: [] })).toEqual(['schemaVersion', 'pages']);
    expect(paths({ schemaVersion: 1, pages: ['x'] })).toEqual(['pages[0]']);
  });

  it('gives a Japanese and an English message for each problem', () => {
    const [problem] = checkDefinition(withField({ key: '1bad' }));
    expect(problem).toEqual({
      path: 'pages[0].sections[0].fields[0].key',
      message: 'キーは英字で始まる英数字と _ で指定してください。',
      messageEn: 'The key must be letters, digits and _, starting with a letter.',
    });
  });

  it('wants unique page and section ids and unique answer keys across the form', () => {
    const def = clone();
    def.pages[1]!.id = 'applicant';
    def.pages[2]!.sections[0]!.id = 'person';
    def.pages[3]!.sections[0]!.fields[0]!.key = 'email';
    expect(paths(def)).toEqual(['pages[1].id', 'pages[2].sections[0].id', 'pages[3].sections[0].fields[0].key']);
    const review = clone();
    review.pages[0]!.id = 'review';
    expect(paths(review)).toContain('pages[0].id');
  });

  it('scopes group keys to the group', () => {
    const def = clone();
    const group = def.pages[2]!.sections[0]!.fields[0]!;
    group.fields![1]!.key = 'name';
    expect(paths(def)).toEqual(['pages[2].sections[0].fields[0].fields[1].key']);
    expect(checkDefinition(withField({ key: 'g', type: 'group', fields: [{ key: 'birthDate', type: 'date', label: t('B') }] }))).toEqual([]);
  });

  it('checks field types, labels and choices', () => {
    expect(paths(withField({ type: 'slider' }))).toEqual(['pages[0].sections[0].fields[0].type']);
    expect(paths(withField({ label: { en: 'x' } }))).toEqual(['pages[0].sections[0].fields[0].label']);
    expect(paths(withField({ type: 'radio' }))).toEqual(['pages[0].sections[0].fields[0].options']);
    expect(paths(withField({ type: 'select', options: [{ value: 'a', label: t('A') }, { value: 'a', label: t('B') }, { value: '', label: t('C') }] })))
      .toEqual(['pages[0].sections[0].fields[0].options[1].value', 'pages[0].sections[0].fields[0].options[2].value']);
    expect(paths(withField({ type: 'checkboxes', options: [{ value: 'a', label: t('A') }], maxSelected: 2 }))).toEqual(['pages[0].sections[0].fields[0].maxSelected']);
    expect(paths(withField({ type: 'display' }))).toEqual(['pages[0].sections[0].fields[0].content']);
  });

  it('checks number sanity', () => {
    expect(paths(withField({ minLength: 5, maxLength: 2 }))).toEqual(['pages[0].sections[0].fields[0].minLength']);
    expect(paths(withField({ type: 'number', min: 10, max: 1 }))).toEqual(['pages[0].sections[0].fields[0].min']);
    expect(paths(withField({ type: 'number', min: 'x', decimals: 11 }))).toEqual(['pages[0].sections[0].fields[0].min', 'pages[0].sections[0].fields[0].decimals']);
    expect(paths(withField({ maxLength: -1 }))).toEqual(['pages[0].sections[0].fields[0].maxLength']);
    expect(paths(withField({ type: 'file', accept: ['pdf'], maxSizeMb: 0, maxFiles: 0 })))
      .toEqual(['pages[0].sections[0].fields[0].accept', 'pages[0].sections[0].fields[0].maxSizeMb', 'pages[0].sections[0].fields[0].maxFiles']);
  });

  it('checks dates bounds', () => {
    expect(checkDefinition(withField({ type: 'date', minDate: 'today-30', maxDate: 'today+30' }))).toEqual([]);
    expect(paths(withField({ type: 'date', minDate: 'yesterday' }))).toEqual(['pages[0].sections[0].fields[0].minDate']);
    expect(paths(withField({ type: 'date', minDate: '2025-01-01', maxDate: '2024-01-01' }))).toEqual(['pages[0].sections[0].fields[0].minDate']);
  });

  it('wants regular expressions that compile and cannot backtrack badly', () => {
    expect(checkDefinition(withField({ pattern: '[0-9]{3}-?[0-9]{4}' }))).toEqual([]);
    expect(paths(withField({ pattern: '([a-z' }))).toEqual(['pages[0].sections[0].fields[0].pattern']);
    expect(paths(withField({ pattern: '(a+)+$' }))).toEqual(['pages[0].sections[0].fields[0].pattern']);
    expect(paths(withField({ pattern: '(\\w+\\s?)*' }))).toEqual(['pages[0].sections[0].fields[0].pattern']);
    expect(paths(withField({ pattern: 'x'.repeat(501) }))).toEqual(['pages[0].sections[0].fields[0].pattern']);
  });

  it('forbids a group in a group and an empty group', () => {
    const inner = { key: 'inner', type: 'group', label: t('I'), fields: [{ key: 'x', type: 'text', label: t('X') }] };
    expect(paths(withField({ type: 'group', fields: [inner] }))).toEqual(['pages[0].sections[0].fields[0].fields[0].type']);
    expect(paths(withField({ type: 'group', fields: [] }))).toEqual(['pages[0].sections[0].fields[0].fields']);
    expect(paths(withField({ type: 'group', fields: [{ key: 'x', type: 'text', label: t('X') }], minItems: 3, maxItems: 1 }))).toEqual(['pages[0].sections[0].fields[0].minItems']);
  });

  it('wants fillsAddress to name a sibling address field', () => {
    const def = clone();
    def.pages[0]!.sections[0]!.fields[2]!.fillsAddress = 'phone';
    expect(paths(def)).toEqual(['pages[0].sections[0].fields[2].fillsAddress']);
    expect(paths(withField({ type: 'text', fillsAddress: 'x' }))).toEqual(['pages[0].sections[0].fields[0].fillsAddress']);
  });

  it('wants skip rules to go forward or to review', () => {
    const def = clone();
    def.pages[2]!.next = [{ if: true, goTo: 'applicant' }, { if: true, goTo: 'nowhere' }, { if: true, goTo: 'review' }, { if: true, goTo: 'documents' }];
    expect(paths(def)).toEqual(['pages[2].next[0].goTo', 'pages[2].next[1].goTo']);
    def.pages[2]!.next = [{ goTo: 'review' } as never];
    expect(paths(def)).toEqual(['pages[2].next[0].if']);
  });

  it('wants expressions made of known operators', () => {
    const def = clone();
    def.pages[1]!.showIf = { method: [{ var: 'x' }, 'toString'] };
    def.pages[0]!.next![0]!.if = { '==': [{ var: '__proto__' }, 1] };
    def.computed![0]!.expression = { log: 1 };
    const problems = checkDefinition(def);
    expect(problems.map((p) => p.path)).toEqual(['pages[0].next[0].if', 'pages[1].showIf', 'computed[0].expression']);
    expect(problems[1]!.messageEn).toBe('Invalid expression (unknown operator "method").');
  });

  it('checks computed values', () => {
    const def = clone();
    def.computed = [
      { key: 'a', label: t('A'), expression: 1, format: 'yen' },
      { key: 'a', label: t('A'), expression: 1, format: 'percent' as never },
      { key: 'b', label: t('B') } as never,
    ];
    expect(paths(def)).toEqual(['computed[1].key', 'computed[1].format', 'computed[2].expression']);
  });

  it('caps the number of problems and fields', () => {
    const form = (type: string) => ({
      schemaVersion: 1,
      pages: [{ id: 'p', title: t('P'), sections: [{ id: 's', fields: Array.from({ length: 1200 }, (_, i) => ({ key: `f${i}`, type, label: t('F') })) }] }],
    });
    expect(checkDefinition(form('bogus')).length).toBe(200);
    expect(checkDefinition(form('text'))).toEqual([{ path: 'pages[0].sections[0].fields[1000]', message: '項目は1000個までです。', messageEn: 'At most 1000 fields.' }]);
  });
});
