import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/ja/dates.ts';
import { int, seeded } from '../../../core/ja/test-random.ts';
import { ageDay, checkEligibility, legalAge } from './eligibility.ts';
import { draw } from './lottery.ts';
import { nameKey } from './person.ts';
import type { EligibilityRule } from './types.ts';

const breast: EligibilityRule = { sex: 'female', minAge: 40, maxAge: null, intervalFiscalYears: 2 };
const cervical: EligibilityRule = { sex: 'female', minAge: 20, maxAge: null, intervalFiscalYears: 2 };

describe('age by Japanese law', () => {
  it('completes a year at the end of the day before the birthday, leap days included', () => {
    expect(legalAge('1985-04-01', '2025-03-31')).toBe(40);
    expect(legalAge('1985-04-02', '2025-03-31')).toBe(39);
    expect(legalAge('1985-04-02', '2025-04-01')).toBe(40);
    expect(legalAge('2000-02-29', '2021-02-27')).toBe(20);
    expect(legalAge('2000-02-29', '2021-02-28')).toBe(21);
    expect(legalAge('2000-02-29', '2024-02-28')).toBe(24);
  });

  it('never decreases and grows by one exactly once a year (property)', () => {
    const rand = seeded(4);
    for (let i = 0; i < 50; i++) {
      const birth = addDays('1930-01-01', int(rand, 0, 30000));
      let day = addDays(birth, int(rand, 0, 20000));
      let age = legalAge(birth, day);
      let changes = 0;
      for (let k = 0; k < 366; k++) {
        day = addDays(day, 1);
        const next = legalAge(birth, day);
        expect(next - age).toBeGreaterThanOrEqual(0);
        changes += next - age;
        age = next;
      }
      expect(changes).toBe(1);
    }
  });

  it('counts on 3/31 ending the slot\'s fiscal year, or on the slot day', () => {
    expect(ageDay('2025-04-01', 'fiscal_year_end')).toBe('2026-03-31');
    expect(ageDay('2025-03-31', 'fiscal_year_end')).toBe('2025-03-31');
    expect(ageDay('2025-05-10', 'slot_date')).toBe('2025-05-10');
  });
});

describe('eligibility (乳がん検診, 子宮頸がん検診)', () => {
  const woman = (birthDate: string) => ({ sex: 'female' as const, birthDate });

  it('takes women from 40 by the fiscal-year-end rule, and names the failing rule', () => {
    expect(checkEligibility(breast, woman('1985-04-01'), '2024-05-10', 'fiscal_year_end')).toBeNull();
    expect(checkEligibility(breast, woman('1985-04-02'), '2024-05-10', 'fiscal_year_end')).toMatchObject({ rule: 'min_age', params: { minAge: 40, age: 39, on: '2025-03-31' } });
    expect(checkEligibility(breast, woman('1985-04-01'), '2024-05-10', 'slot_date')).toMatchObject({ rule: 'min_age', params: { age: 39 } });
    expect(checkEligibility(breast, { sex: 'male', birthDate: '1960-01-01' }, '2024-05-10', 'slot_date')).toMatchObject({ rule: 'sex' });
    expect(checkEligibility(breast, { birthDate: '1960-01-01' }, '2024-05-10', 'slot_date')).toMatchObject({ rule: 'sex_required' });
    expect(checkEligibility(cervical, { sex: 'female' }, '2024-05-10', 'slot_date')).toMatchObject({ rule: 'birth_date_required' });
    expect(checkEligibility({ sex: null, minAge: null, maxAge: 64, intervalFiscalYears: null }, { birthDate: '1950-01-01' }, '2024-05-10', 'slot_date')).toMatchObject({ rule: 'max_age' });
  });

  it('allows once every two fiscal years, across 3/31 → 4/1', () => {
    const w = woman('1980-01-01');
    expect(checkEligibility(breast, w, '2024-04-01', 'fiscal_year_end', ['2024-03-31'])).toMatchObject({ rule: 'interval', params: { years: 2, last: '2024-03-31', nextFiscalYear: 2025 } });
    expect(checkEligibility(breast, w, '2024-04-01', 'fiscal_year_end', ['2023-03-31'])).toBeNull();
    expect(checkEligibility(breast, w, '2025-03-31', 'fiscal_year_end', ['2024-04-01'])).toMatchObject({ rule: 'interval' }); // same 年度
    expect(checkEligibility(breast, w, '2024-06-01', 'fiscal_year_end', ['2025-06-01'])).toMatchObject({ rule: 'interval' }); // a later booking counts too
    expect(checkEligibility(cervical, w, '2026-04-01', 'fiscal_year_end', ['2024-04-01'])).toBeNull();
  });
});

describe('people and lotteries', () => {
  it('folds width, kana and spaces in names', () => {
    expect(nameKey('山田　花子')).toBe(nameKey('山田花子'));
    expect(nameKey('ﾔﾏﾀﾞ ﾊﾅｺ')).toBe(nameKey('やまだはなこ'));
  });

  it('draws the same winners for the same seed whatever the input order', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ id: `e${String(i).padStart(2, '0')}` }));
    const a = draw(entries, 10, 'seed-1');
    const b = draw([...entries].reverse(), 10, 'seed-1');
    expect(a.won.map((e) => e.id)).toEqual(b.won.map((e) => e.id));
    expect(a.won).toHaveLength(10);
    expect(new Set([...a.won, ...a.lost].map((e) => e.id)).size).toBe(50);
    expect(draw(entries, 10, 'seed-2').won.map((e) => e.id)).not.toEqual(a.won.map((e) => e.id));
    expect(draw(entries, 80, 'x').lost).toEqual([]);
  });
});

describe('shared code stays pure (docs/adr/002)', () => {
  const here = new URL('.', import.meta.url);
  const USES_GLOBALS = /\b(process|Buffer|require|window|document|localStorage|sessionStorage|navigator|__dirname)\b\s*[.([]/;
  const IMPORTS = /from\s+['"]([^'"]+)['"]/g;

  it('uses no Node or browser globals and imports only its files and the pure core/ja files', () => {
    for (const f of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const code = readFileSync(new URL(f, here), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(USES_GLOBALS);
      for (const [, spec] of code.matchAll(IMPORTS)) expect(spec, f).toMatch(/^\.\/[a-z-]+\.ts$|^\.\.\/\.\.\/\.\.\/core\/ja\/(wareki|dates|kana|normalize)\.ts$/);
    }
  });
});
