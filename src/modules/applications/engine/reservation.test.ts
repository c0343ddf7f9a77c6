import { describe, expect, it } from 'vitest';
import { checkDefinition } from './definition.ts';
import { displayAnswer } from './display.ts';
import type { Answers, FormDefinition, FormField } from './types.ts';
import { validateAnswers } from './validate.ts';

const field: FormField = { key: 'slot', type: 'reservation', label: { ja: '面談日時', en: 'Interview' }, required: true, resourceId: 'r1' };
const form = (f: FormField): FormDefinition => ({ schemaVersion: 1, pages: [{ id: 'p', title: { ja: 'P' }, sections: [{ id: 's', fields: [f] }] }] });
const check = (value: unknown, lang: 'ja' | 'en' = 'ja') => validateAnswers(form(field), (value === undefined ? {} : { slot: value }) as Answers, { lang, today: '2026-05-01' });

describe('reservation field', () => {
  it('needs a resourceId in the definition', () => {
    expect(checkDefinition(form(field))).toEqual([]);
    const { resourceId: _r, ...without } = field;
    expect(checkDefinition(form(without as FormField)).map((p) => p.path)).toEqual(['pages[0].sections[0].fields[0].resourceId']);
  });

  it('is required and its start must be an ISO instant', () => {
    expect(check({ start: '2026-05-12T01:00:00.000Z' })).toEqual([]);
    expect(check(undefined).map((e) => e.message)).toEqual(['「面談日時」の予約日時を選択してください。']);
    expect(check({ start: '' }).map((e) => e.code)).toEqual(['required']);
    expect(check({ start: '2026-05-12' }, 'en').map((e) => e.message)).toEqual(['“Interview”: the date and time are not valid. Please choose again.']);
    expect(check({ start: '2026-02-30T10:00:00Z' }).map((e) => e.code)).toEqual(['type']);
    expect(check('2026-05-12T01:00:00Z').map((e) => e.code)).toEqual(['type']);
  });

  it('shows the JST date (with 和暦) and time', () => {
    expect(displayAnswer(field, { start: '2026-05-12T01:30:00.000Z' }, 'ja')).toBe('2026年5月12日（令和8年5月12日） 10:30');
    expect(displayAnswer(field, { start: '2026-05-31T15:00:00Z' }, 'en')).toBe('2026-06-01 00:00');
    expect(displayAnswer(field, { start: '2026-05-12T01:30:00.000Z', reference: 'R0123456789' }, 'ja')).toBe('2026年5月12日（令和8年5月12日） 10:30（予約番号 R0123456789）');
  });
});
