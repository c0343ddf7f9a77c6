import type { AnswerValue, Answers } from './engine.ts';

// Answer paths as the engine names them: `applicant`, `applicant.familyKana`, `children[1].birthDate`.
// Items of a repeating group are numbered as the engine numbers them in its error paths (see ITEM_BASE).

/** The number the engine gives the first item of a repeating group in paths (`children[0]` or `children[1]`). */
export const ITEM_BASE = 0;

/** The path of a field inside a scope: `''` + `name` → `name`; `children[0]` + `name` → `children[0].name`. */
export function childPath(scope: string, key: string): string {
  return scope ? `${scope}.${key}` : key;
}

/** The path of item `index` (0-based) of the group at `path`. */
export function itemPath(path: string, index: number): string {
  return `${path}[${index + ITEM_BASE}]`;
}

/** An element id for a path: `f` + `children[0].birthDate` → `f-children-0-birthDate` (safe in CSS selectors). */
export function idFor(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`;
}

type Segment = string | number;

function parse(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) - ITEM_BASE : m[1]);
  return out;
}

/** The answer at a path (undefined when any step is missing). */
export function getAt(answers: Answers, path: string): AnswerValue | undefined {
  let cur: unknown = answers;
  for (const s of parse(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur as AnswerValue | undefined;
}

/** A copy of `answers` with the value at `path` replaced (objects and arrays on the way are copied, not changed). */
export function setAt(answers: Answers, path: string, value: AnswerValue | undefined): Answers {
  const segs = parse(path);
  const put = (cur: unknown, i: number): unknown => {
    const s = segs[i];
    const base = Array.isArray(cur) ? [...cur] : cur && typeof cur === 'object' ? { ...(cur as object) } : typeof s === 'number' ? [] : {};
    const next = i === segs.length - 1 ? value : put((base as Record<string | number, unknown>)[s], i + 1);
    if (next === undefined && !Array.isArray(base)) delete (base as Record<string | number, unknown>)[s];
    else (base as Record<string | number, unknown>)[s] = next;
    return base;
  };
  return put(answers, 0) as Answers;
}

/** Whether `path` is `prefix` itself or lies inside it (`children[0].name` is inside `children` and `children[0]`). */
export function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
