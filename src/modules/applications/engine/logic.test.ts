import { describe, expect, it } from 'vitest';
import { ageOn, evaluate, expressionProblem, holds, valueOf } from './logic.ts';
import type { Answers } from './types.ts';

/** Test data that is not a valid answer shape on purpose. */
const loose = (x: unknown): Answers => x as Answers;

describe('JSON Logic evaluation', () => {
  it('evaluates the standard operators on answers', () => {
    const answers = { hasChildren: 'yes', income: 3_000_000, tags: ['a', 'b'] };
    expect(holds({ '==': [{ var: 'hasChildren' }, 'yes'] }, answers)).toBe(true);
    expect(holds({ and: [{ '>': [{ var: 'income' }, 1_000_000] }, { in: ['b', { var: 'tags' }] }] }, answers)).toBe(true);
    expect(holds({ '!': { var: 'missingKey' } }, answers)).toBe(true);
    expect(valueOf({ if: [{ '<': [{ var: 'income' }, 2_000_000] }, 'low', 'high'] }, answers)).toBe('high');
    expect(valueOf({ cat: ['R', { substr: ['123456', 0, 2] }] }, answers)).toBe('R12');
  });

  it('treats an absent condition as true and JSON Logic truthiness ([] is false)', () => {
    expect(holds(undefined, {})).toBe(true);
    expect(holds({ var: 'list' }, { list: [] })).toBe(false);
    expect(holds({ var: 'list' }, { list: ['x'] })).toBe(true);
    expect(holds(true, {})).toBe(true);
    expect(holds(0, {})).toBe(false);
  });

  it('resolves var inside a group item first, then the top-level answers', () => {
    const root = { relationship: 'root', municipality: 'matsusaka' };
    const item = { relationship: 'other' };
    expect(evaluate({ var: 'relationship' }, root, item)).toBe('other');
    expect(evaluate({ var: 'municipality' }, root, item)).toBe('matsusaka');
    expect(evaluate({ var: 'nowhere' }, root, item)).toBeNull();
    expect(evaluate({ var: ['nowhere', 'fallback'] }, root, item)).toBe('fallback');
    expect(evaluate({ var: '' }, root, item)).toEqual(item);
  });

  it('reads nested values and array indexes through var', () => {
    const answers = loose({ applicant: { family: '山田' }, children: [{ birthDate: '2015-06-10' }] });
    expect(evaluate({ var: 'applicant.family' }, answers)).toBe('山田');
    expect(evaluate({ var: 'children.0.birthDate' }, answers)).toBe('2015-06-10');
    expect(evaluate({ var: 'children.x' }, answers)).toBeNull();
  });

  it('never reaches prototypes through var, even with names built at run time', () => {
    const answers = loose({ a: {}, list: [1] });
    for (const name of ['constructor', 'toString', 'a.constructor', 'a.__proto__', 'list.constructor', 'list.length', 'hasOwnProperty', 'valueOf']) {
      const built = { var: { cat: [name.slice(0, 1), name.slice(1)] } };
      expect(evaluate(built, answers), name).toBeNull();
    }
    expect(holds({ var: { cat: ['__pro', 'to__'] } }, {})).toBe(false);
    expect(valueOf({ var: { cat: ['constr', 'uctor'] } }, {})).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('only runs known operators: log, method and made-up names are refused', () => {
    expect(expressionProblem({ log: 'x' })).toMatch(/unknown operator "log"/);
    expect(expressionProblem({ method: [{ var: 'x' }, 'toUpperCase'] })).toMatch(/method/);
    expect(expressionProblem({ 'var.prototype': [] })).toMatch(/unknown operator/);
    expect(expressionProblem({ '==': [1, 1], '!=': [1, 2] })).toMatch(/exactly one operator/);
    expect(expressionProblem({ var: '__proto__' })).toMatch(/forbidden/);
    expect(expressionProblem({ and: [{ '==': [{ var: 'a' }, 1] }, true] })).toBeNull();
    expect(holds({ log: 'x' }, {})).toBe(false);
    expect(valueOf({ method: ['abc', 'toUpperCase'] }, {})).toBeNull();
  });

  it('refuses expressions that are too deep or too large', () => {
    let deep: unknown = true;
    for (let i = 0; i < 60; i++) deep = { '!': [deep] };
    expect(expressionProblem(deep)).toMatch(/deeply/);
    expect(expressionProblem({ '+': Array.from({ length: 3000 }, () => 1) })).toMatch(/too large/);
  });

  it('turns failures into false (conditions) and null (values)', () => {
    expect(holds({ '*': [] }, {})).toBe(false); // reduce of an empty list throws inside json-logic-js
    expect(valueOf({ '/': [1, 0] }, {})).toBeNull(); // Infinity
    expect(valueOf({ '==': [1, 1] }, {})).toBeNull(); // booleans are not computed values
    expect(valueOf({ merge: [[1], [2]] }, {})).toBeNull();
    expect(valueOf(42, {})).toBe(42);
  });

  it('counts and sums groups, and sums one field over the items', () => {
    const answers = loose({ children: [{ amount: 100 }, { amount: '250' }, { amount: 'x' }, {}], picks: ['a', 'b'] });
    expect(valueOf({ count: { var: 'children' } }, answers)).toBe(4);
    expect(valueOf({ count: { var: 'picks' } }, answers)).toBe(2);
    expect(valueOf({ count: { var: 'none' } }, answers)).toBe(0);
    expect(valueOf({ sum: [{ var: 'children' }, 'amount'] }, answers)).toBe(350);
    expect(valueOf({ sum: [[1, 2, 3.5]] }, answers)).toBe(6.5);
    expect(valueOf({ sum: [{ var: 'children' }, 'constructor'] }, answers)).toBe(0);
  });

  it('computes ages in whole years against today (from options) or a given day', () => {
    expect(ageOn('2000-04-02', '2024-04-01')).toBe(23);
    expect(ageOn('2000-04-02', '2024-04-02')).toBe(24);
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageOn('2000-02-30', '2023-03-01')).toBeNull();
    expect(valueOf({ age: { var: 'birthDate' } }, { birthDate: '2021-10-01' }, { today: '2024-09-30' })).toBe(2);
    expect(valueOf({ age: { var: 'birthDate' } }, { birthDate: '2021-10-01' }, { today: '2024-10-01' })).toBe(3);
    expect(valueOf({ age: [{ var: 'birthDate' }, '2030-01-01'] }, { birthDate: '2021-10-01' })).toBe(8);
    expect(valueOf({ today: [] }, {}, { today: '2025-01-02' })).toBe('2025-01-02');
    expect(valueOf({ today: [] }, {})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('can express the real 児童手当 amount: 15,000 under 3, else 10,000, over the children', () => {
    const expr = {
      reduce: [{ var: 'children' }, { '+': [{ var: 'accumulator' }, { if: [{ '<': [{ age: { var: 'current.birthDate' } }, 3] }, 15000, 10000] }] }, 0],
    };
    const answers = { children: [{ birthDate: '2023-05-01' }, { birthDate: '2015-06-10' }] };
    expect(valueOf(expr, answers, { today: '2025-04-01' })).toBe(25000);
    expect(valueOf(expr, answers, { today: '2026-05-01' })).toBe(20000);
  });

  it('compares ISO dates as text, so date rules work without a date operator', () => {
    expect(holds({ '<': [{ var: 'd' }, { today: [] }] }, { d: '2024-01-01' }, undefined, { today: '2024-01-02' })).toBe(true);
    expect(holds({ '<': [{ var: 'd' }, { today: [] }] }, { d: '2024-01-03' }, undefined, { today: '2024-01-02' })).toBe(false);
  });
});
