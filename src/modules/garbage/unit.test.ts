import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../core/http/errors.ts';
import { GARBAGE_LANGS } from './engine/types.ts';
import { bracketField } from './http.ts';
import { calendarRange } from './calendar-range.ts';
import { bundleRange } from './publications/draft.ts';
import { cleanReading, cleanTexts, textIn, TextsSchema } from './texts.ts';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.field;
    throw err;
  }
  return null;
};

describe('garbage helpers', () => {
  it('accepts exactly the garbage languages in texts, ja required', () => {
    const schema = TextsSchema(100, 'x');
    expect(Object.keys(schema.properties).sort()).toEqual([...GARBAGE_LANGS].sort());
    expect(Value.Check(schema, { ja: 'a', 'zh-Hans': '垃圾' })).toBe(true);
    expect(Value.Check(schema, { en: 'a' })).toBe(false);
    expect(Value.Check(schema, { ja: 'a', fr: 'b' })).toBe(false);
    expect(cleanTexts({ ja: ' 缶 ', en: ' ', ko: '캔' }, 'name')).toEqual({ ja: '缶', ko: '캔' });
    expect(fieldOf(() => cleanTexts({ ja: ' ' }, 'name'))).toBe('name.ja');
    expect(textIn({ ja: '缶', en: 'Cans' }, 'vi')).toBe('Cans');
    expect(textIn({ ja: '缶', en: 'Cans' }, 'ja-easy')).toBe('缶');
  });

  it('takes readings in katakana with ー, ・ and spaces, widening half-width kana', () => {
    expect(cleanReading('ﾍﾟｯﾄﾎﾞﾄﾙ')).toBe('ペットボトル');
    expect(cleanReading('スプレー・カン　ナド')).toBe('スプレー・カン ナド');
    expect(fieldOf(() => cleanReading('ぺっと'))).toBe('reading');
    expect(fieldOf(() => cleanReading('PET', 'points[0].nameKana'))).toBe('points[0].nameKana');
  });

  it('names schema errors in bracket notation', () => {
    expect(bracketField({ instancePath: '/rules/2/pattern' }, 'body')).toBe('rules[2].pattern');
    expect(bracketField({ instancePath: '/rules/0', params: { missingProperty: 'months' } }, 'body')).toBe('rules[0].months');
    expect(bracketField({ instancePath: '/name', params: { additionalProperty: 'fr' } }, 'body')).toBe('name.fr');
    expect(bracketField({ instancePath: '' }, 'querystring')).toBe('querystring');
  });

  it('covers the previous month to the end of the 13th month ahead, across years', () => {
    expect(bundleRange('2026-11-21')).toEqual({ from: '2026-10-01', to: '2027-12-31' });
    expect(bundleRange('2027-01-05')).toEqual({ from: '2026-12-01', to: '2028-02-29' });
  });

  it('limits calendar ranges to 400 days and names the field at fault', () => {
    expect(calendarRange(undefined, undefined, '2026-11-21')).toEqual({ from: '2026-11-21', to: '2027-01-22' });
    expect(calendarRange('2026-01-01', '2027-02-04', '2026-11-21').to).toBe('2027-02-04');
    expect(fieldOf(() => calendarRange('2026-01-01', '2027-02-05', 'x'))).toBe('to');
    expect(fieldOf(() => calendarRange('2026-02-29', undefined, 'x'))).toBe('from');
  });
});
