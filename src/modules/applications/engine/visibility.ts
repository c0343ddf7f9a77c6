/**
 * Which pages, sections and fields are shown for some answers, in which order, and pruning of the
 * answers nobody was asked for. Conditions are evaluated on pruned answers: an answer on a page the
 * citizen skipped, or to a field now hidden, cannot show anything else (pruning repeats until stable).
 */
import { holds } from './logic.ts';
import type { AnswerValue, Answers, EvalOptions, Expression, FormDefinition, FormField, FormPage } from './types.ts';

/** A field shown on a visible page and section, with its answer key path (top level). */
export interface VisibleField {
  page: FormPage;
  field: FormField;
}

/** Whether a condition holds for the answers (true when there is none); `scope` is a group item. */
export function isVisible(expr: Expression | undefined, answers: Answers, scope?: Answers, opts?: EvalOptions): boolean {
  return holds(expr, answers, scope, opts);
}

/** Pages in the order a citizen meets them, on answers taken as they are (not pruned). */
function pageSequence(def: FormDefinition, answers: Answers, opts?: EvalOptions): FormPage[] {
  const out: FormPage[] = [];
  const pages = def.pages;
  let i = 0;
  while (i < pages.length) {
    const page = pages[i]!;
    if (!holds(page.showIf, answers, undefined, opts)) {
      i++;
      continue;
    }
    out.push(page);
    let next = i + 1;
    for (const rule of page.next ?? []) {
      if (!holds(rule.if, answers, undefined, opts)) continue;
      if (rule.goTo === 'review') return out;
      const target = pages.findIndex((p, j) => j > i && p.id === rule.goTo);
      if (target < 0) continue; // a target that is not a later page is a definition problem; ignore it
      next = target;
      break;
    }
    i = next;
  }
  return out;
}

function fieldsOf(pages: FormPage[], answers: Answers, opts?: EvalOptions): VisibleField[] {
  const out: VisibleField[] = [];
  for (const page of pages) {
    for (const section of page.sections) {
      if (!holds(section.showIf, answers, undefined, opts)) continue;
      for (const field of section.fields) {
        if (holds(field.showIf, answers, undefined, opts)) out.push({ page, field });
      }
    }
  }
  return out;
}

const NAME_PARTS = ['family', 'given'];
const KANA_PARTS = ['familyKana', 'givenKana'];
const ADDRESS_PARTS = ['prefecture', 'city', 'street', 'building'];

interface Tally { dropped: number }
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function pickParts(value: AnswerValue, parts: string[], tally: Tally): AnswerValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const p of parts) if (hasOwn(value, p)) out[p] = (value as unknown as Record<string, unknown>)[p];
  tally.dropped += Object.keys(value).length - Object.keys(out).length;
  return out as unknown as AnswerValue;
}

/** The item fields of a group shown for one item (conditions see the item first, then the answers). */
export function visibleItemFields(group: FormField, item: Answers, answers: Answers, opts?: EvalOptions): FormField[] {
  return (group.fields ?? []).filter((f) => holds(f.showIf, answers, item, opts));
}

/** Keeps what a field's answer may hold: known parts of names and addresses, visible fields of group items. */
function pruneValue(field: FormField, value: AnswerValue, root: Answers, tally: Tally, opts?: EvalOptions): AnswerValue {
  if (field.type === 'name') return pickParts(value, field.furigana ? [...NAME_PARTS, ...KANA_PARTS] : NAME_PARTS, tally);
  if (field.type === 'address') return pickParts(value, ADDRESS_PARTS, tally);
  if (field.type !== 'group' || !Array.isArray(value)) return value;
  return value.map((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
    const kept: Answers = {};
    for (const f of visibleItemFields(field, item as Answers, root, opts)) {
      if (f.type !== 'display' && hasOwn(item, f.key)) kept[f.key] = pruneValue(f, (item as Answers)[f.key]!, root, tally, opts);
    }
    tally.dropped += Object.keys(item).length - Object.keys(kept).length;
    return kept;
  }) as AnswerValue;
}

interface Settled {
  answers: Answers;
  pages: FormPage[];
  fields: VisibleField[];
}

function pruneOnce(def: FormDefinition, answers: Answers, tally: Tally, opts?: EvalOptions): Settled {
  const kept: Answers = {};
  const pages = pageSequence(def, answers, opts);
  const fields = fieldsOf(pages, answers, opts);
  for (const { field } of fields) {
    if (field.type === 'display' || !hasOwn(answers, field.key) || hasOwn(kept, field.key)) continue;
    kept[field.key] = pruneValue(field, answers[field.key]!, answers, tally, opts);
  }
  tally.dropped += Object.keys(answers).length - Object.keys(kept).length;
  return { answers: kept, pages, fields };
}

/**
 * Pruned answers with the pages and fields shown for them. Dropping an answer can hide another
 * field, so prune again until nothing drops (bounded for safety); the last round, which dropped
 * nothing, saw the same answers it returns.
 */
export function settle(def: FormDefinition, answers: Answers, opts?: EvalOptions): Settled {
  let current: Settled = { answers, pages: [], fields: [] };
  for (let round = 0; round < 8; round++) {
    const tally = { dropped: 0 };
    current = pruneOnce(def, current.answers, tally, opts);
    if (tally.dropped === 0) return current;
  }
  const pages = pageSequence(def, current.answers, opts);
  return { answers: current.answers, pages, fields: fieldsOf(pages, current.answers, opts) };
}

/** Drops answers of hidden fields, sections and pages, of skipped pages, and unknown keys. */
export function pruneAnswers(def: FormDefinition, answers: Answers, opts?: EvalOptions): Answers {
  return settle(def, answers, opts).answers;
}

/** The pages shown, in order, after page conditions and skip rules. */
export function visiblePages(def: FormDefinition, answers: Answers, opts?: EvalOptions): FormPage[] {
  return settle(def, answers, opts).pages;
}

/** The visible fields (top level) of the visible pages, on pruned answers. */
export function visibleFields(def: FormDefinition, answers: Answers, opts?: EvalOptions): VisibleField[] {
  return settle(def, answers, opts).fields;
}

/** The page after `pageId` for these answers, or 'review' after the last one. */
export function nextPageId(def: FormDefinition, answers: Answers, pageId: string, opts?: EvalOptions): string {
  const pages = visiblePages(def, answers, opts);
  const at = pages.findIndex((p) => p.id === pageId);
  if (at >= 0) return pages[at + 1]?.id ?? 'review';
  // The page is not on the path (answers changed): go to the first shown page after it.
  const index = def.pages.findIndex((p) => p.id === pageId);
  return pages.find((p) => def.pages.indexOf(p) > index)?.id ?? 'review';
}

/** The page before `pageId` on the citizen's path ('review' means after the last), or null on the first. */
export function previousPageId(def: FormDefinition, answers: Answers, pageId: string, opts?: EvalOptions): string | null {
  const pages = visiblePages(def, answers, opts);
  if (pageId === 'review') return pages[pages.length - 1]?.id ?? null;
  const index = def.pages.findIndex((p) => p.id === pageId);
  const before = pages.filter((p) => def.pages.indexOf(p) < index);
  return before[before.length - 1]?.id ?? null;
}
