import { describe, expect, it } from 'vitest';
import { childAllowanceForm, validChildAllowanceAnswers } from './fixtures.ts';
import type { FormDefinition } from './types.ts';
import { isVisible, nextPageId, previousPageId, pruneAnswers, visibleFields, visiblePages } from './visibility.ts';

const ids = (pages: { id: string }[]): string[] => pages.map((p) => p.id);
const t = (ja: string) => ({ ja });

/** Four pages: a → (b when x=1 … skip to d when x=2, straight to review when x=3) → c (shown when y) → d. */
const flow: FormDefinition = {
  schemaVersion: 1,
  pages: [
    {
      id: 'a', title: t('A'),
      sections: [{ id: 's1', fields: [{ key: 'x', type: 'text', label: t('X') }, { key: 'y', type: 'text', label: t('Y') }] }],
      next: [
        { if: { '==': [{ var: 'x' }, '2'] }, goTo: 'd' },
        { if: { '==': [{ var: 'x' }, '3'] }, goTo: 'review' },
        { if: { '==': [{ var: 'x' }, 'bad'] }, goTo: 'a' },
      ],
    },
    { id: 'b', title: t('B'), sections: [{ id: 's2', fields: [{ key: 'z', type: 'text', label: t('Z') }] }] },
    { id: 'c', title: t('C'), showIf: { var: 'y' }, sections: [{ id: 's3', fields: [{ key: 'w', type: 'text', label: t('W') }] }] },
    { id: 'd', title: t('D'), sections: [{ id: 's4', fields: [{ key: 'v', type: 'text', label: t('V') }] }] },
  ],
};

describe('page order', () => {
  it('follows showIf and the first skip rule that holds', () => {
    expect(ids(visiblePages(flow, {}))).toEqual(['a', 'b', 'd']);
    expect(ids(visiblePages(flow, { y: 'yes' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(visiblePages(flow, { x: '2', y: 'yes' }))).toEqual(['a', 'd']);
    expect(ids(visiblePages(flow, { x: '3' }))).toEqual(['a']);
  });

  it('ignores a skip rule whose target is not a later page', () => {
    expect(ids(visiblePages(flow, { x: 'bad' }))).toEqual(['a', 'b', 'd']);
  });

  it('gives the next and previous page on the citizen path', () => {
    expect(nextPageId(flow, {}, 'a')).toBe('b');
    expect(nextPageId(flow, {}, 'b')).toBe('d');
    expect(nextPageId(flow, { y: 'yes' }, 'b')).toBe('c');
    expect(nextPageId(flow, { x: '2' }, 'a')).toBe('d');
    expect(nextPageId(flow, { x: '3' }, 'a')).toBe('review');
    expect(nextPageId(flow, {}, 'd')).toBe('review');
    // A page no longer on the path (skipped by a later change) continues with the next shown page.
    expect(nextPageId(flow, { x: '2' }, 'b')).toBe('d');
    expect(previousPageId(flow, { x: '2' }, 'd')).toBe('a');
    expect(previousPageId(flow, {}, 'a')).toBeNull();
    expect(previousPageId(flow, { x: '3' }, 'review')).toBe('a');
  });

  it('skips the spouse page of the fixture when there is no spouse', () => {
    const answers = validChildAllowanceAnswers('u1');
    expect(ids(visiblePages(childAllowanceForm, answers))).toEqual(['applicant', 'children', 'account', 'documents']);
    expect(nextPageId(childAllowanceForm, answers, 'applicant')).toBe('children');
    expect(nextPageId(childAllowanceForm, { ...answers, hasSpouse: 'yes' }, 'applicant')).toBe('spouse');
    expect(nextPageId(childAllowanceForm, answers, 'documents')).toBe('review');
  });
});

describe('pruning', () => {
  it('drops answers of skipped pages, hidden pages and unknown keys', () => {
    expect(pruneAnswers(flow, { x: '2', z: 'on b', w: 'on c', v: 'on d', extra: 1 })).toEqual({ x: '2', v: 'on d' });
    expect(pruneAnswers(flow, { y: 'yes', w: 'kept' })).toEqual({ y: 'yes', w: 'kept' });
  });

  it('drops hidden fields inside group items and unknown parts of names and addresses', () => {
    const answers = {
      ...validChildAllowanceAnswers('u1'),
      spouse: { family: '山田', given: '花子' },
      applicant: { family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ', middle: 'X' },
      address: { prefecture: '三重県', city: '松阪市', street: '殿町1340-1', extra: 'x' },
      children: [{ name: { family: '山田', given: '花子' }, relationship: 'child', relationshipOther: 'stale', unknown: 1 }],
    };
    const pruned = pruneAnswers(childAllowanceForm, answers);
    expect(pruned.spouse).toBeUndefined();
    expect(pruned.applicant).toEqual({ family: '山田', given: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
    expect(pruned.address).toEqual({ prefecture: '三重県', city: '松阪市', street: '殿町1340-1' });
    expect(pruned.children).toEqual([{ name: { family: '山田', given: '花子' }, relationship: 'child' }]);
    expect(pruneAnswers(childAllowanceForm, { ...answers, children: [{ relationship: 'other', relationshipOther: '孫' }] }).children)
      .toEqual([{ relationship: 'other', relationshipOther: '孫' }]);
  });

  it('repeats until stable: a stale answer on a hidden field cannot show another field', () => {
    const chain: FormDefinition = {
      schemaVersion: 1,
      pages: [{
        id: 'p', title: t('P'), sections: [{
          id: 's', fields: [
            { key: 'a', type: 'radio', label: t('A'), options: [{ value: 'yes', label: t('はい') }, { value: 'no', label: t('いいえ') }] },
            { key: 'b', type: 'text', label: t('B'), showIf: { '==': [{ var: 'a' }, 'yes'] } },
            { key: 'c', type: 'text', label: t('C'), showIf: { '==': [{ var: 'b' }, 'open'] } },
          ],
        }],
      }],
    };
    expect(pruneAnswers(chain, { a: 'no', b: 'open', c: 'text' })).toEqual({ a: 'no' });
    expect(visibleFields(chain, { a: 'no', b: 'open', c: 'text' }).map((f) => f.field.key)).toEqual(['a']);
    expect(visibleFields(chain, { a: 'yes', b: 'open' }).map((f) => f.field.key)).toEqual(['a', 'b', 'c']);
  });

  it('drops display fields and hidden sections', () => {
    const def: FormDefinition = {
      schemaVersion: 1,
      pages: [{
        id: 'p', title: t('P'), sections: [
          { id: 's1', fields: [{ key: 'note', type: 'display', label: t('N'), content: t('…') }, { key: 'a', type: 'text', label: t('A') }] },
          { id: 's2', showIf: { '==': [{ var: 'a' }, 'show'] }, fields: [{ key: 'b', type: 'text', label: t('B') }] },
        ],
      }],
    };
    expect(pruneAnswers(def, { note: 'x', a: 'hide', b: 'y' })).toEqual({ a: 'hide' });
    expect(pruneAnswers(def, { a: 'show', b: 'y' })).toEqual({ a: 'show', b: 'y' });
  });

  it('isVisible evaluates a condition in an item scope', () => {
    expect(isVisible({ '==': [{ var: 'relationship' }, 'other'] }, { relationship: 'child' }, { relationship: 'other' })).toBe(true);
    expect(isVisible(undefined, {})).toBe(true);
    expect(isVisible({ bogus: [] }, {})).toBe(false);
  });
});
