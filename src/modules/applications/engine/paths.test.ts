import { describe, expect, it } from 'vitest';
import { answerAt, formatPath, isUnder, parsePath, setAnswerAt } from './paths.ts';
import type { Answers } from './types.ts';

describe('answer paths', () => {
  it('parses and formats keys and 0-based item indexes', () => {
    expect(parsePath('children[1].birthDate')).toEqual(['children', 1, 'birthDate']);
    expect(parsePath('applicant.familyKana')).toEqual(['applicant', 'familyKana']);
    expect(formatPath(['children', 0, 'name', 'family'])).toBe('children[0].name.family');
    for (const bad of ['', '.a', 'a.', 'a..b', '[0]', 'a[x]', 'a b', 'a.__proto__', 'constructor', 'a[0]b']) {
      expect(parsePath(bad), bad).toBeNull();
    }
  });

  it('reads answers at a path and nothing from prototypes', () => {
    const answers: Answers = { children: [{ name: { family: '山田', given: '花子' } }], email: 'a@example.jp' };
    expect(answerAt(answers, 'children[0].name.given')).toBe('花子');
    expect(answerAt(answers, 'email')).toBe('a@example.jp');
    expect(answerAt(answers, 'children[1].name')).toBeUndefined();
    expect(answerAt(answers, 'children.name')).toBeUndefined();
    expect(answerAt(answers, 'email[0]')).toBeUndefined();
    expect(answerAt(answers, 'toString')).toBeUndefined();
    expect(answerAt(answers, 'children[0].name.hasOwnProperty')).toBeUndefined();
  });

  it('sets a value without changing the original, creating containers on the way', () => {
    const answers: Answers = { children: [{ birthDate: '2015-06-10' }], email: 'a@example.jp' };
    const next = setAnswerAt(answers, 'children[1].birthDate', '2018-11-03');
    expect(next).toEqual({ children: [{ birthDate: '2015-06-10' }, { birthDate: '2018-11-03' }], email: 'a@example.jp' });
    expect(answers.children).toHaveLength(1);
    expect(setAnswerAt({}, 'applicant.family', '山田')).toEqual({ applicant: { family: '山田' } });
    expect(setAnswerAt({}, 'children[2].x', 1)).toEqual({ children: [{}, {}, { x: 1 }] });
    expect(() => setAnswerAt({}, '__proto__.polluted', 'yes')).toThrow(RangeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells whether a path lies under another', () => {
    expect(isUnder('children[0].name', 'children')).toBe(true);
    expect(isUnder('children[0].name', 'children[0]')).toBe(true);
    expect(isUnder('children', 'children')).toBe(true);
    expect(isUnder('childrenCount', 'children')).toBe(false);
    expect(isUnder('children[10].name', 'children[1]')).toBe(false);
    expect(isUnder('applicant.familyKana', 'applicant')).toBe(true);
  });
});
