/**
 * Answer paths: `applicant.familyKana`, `children[0].birthDate`. Group item indexes in paths are
 * 0-based (like the arrays they index); the UI shows items 1-based (「子ども 1」).
 */
import type { AnswerValue, Answers } from './types.ts';

type Segment = string | number;
const TOKEN = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/y;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Splits a path into keys and indexes; null when it is malformed. */
export function parsePath(path: string): Segment[] | null {
  const out: Segment[] = [];
  TOKEN.lastIndex = 0;
  let expectKey = true;
  while (TOKEN.lastIndex < path.length) {
    const m = TOKEN.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) {
      if (!expectKey || FORBIDDEN.has(m[1])) return null;
      out.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey) return null;
      out.push(Number(m[2]));
    } else {
      if (expectKey) return null;
      expectKey = true;
    }
  }
  return out.length && !expectKey ? out : null;
}

/** Joins keys and indexes into a path: ['children', 0, 'name'] → 'children[0].name'. */
export function formatPath(segments: Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The answer at a path, or undefined when there is none. */
export function answerAt(answers: Answers, path: string): AnswerValue | undefined {
  const segments = parsePath(path);
  if (!segments) return undefined;
  let current: unknown = answers;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof s === 'number' ? !Array.isArray(current) : Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, s)) return undefined;
    current = (current as Record<string | number, unknown>)[s];
  }
  return current as AnswerValue | undefined;
}

/** A copy of the answers with the value at a path replaced (containers on the way are created or copied). */
export function setAnswerAt(answers: Answers, path: string, value: AnswerValue): Answers {
  const segments = parsePath(path);
  if (!segments) throw new RangeError(`not an answer path: ${path}`);
  const put = (container: unknown, i: number): unknown => {
    const s = segments[i]!;
    if (typeof s === 'number') {
      const copy = Array.isArray(container) ? container.slice() : [];
      while (copy.length < s) copy.push({});
      copy[s] = i === segments.length - 1 ? value : put(copy[s], i + 1);
      return copy;
    }
    const copy: Record<string, unknown> = container && typeof container === 'object' && !Array.isArray(container) ? { ...container } : {};
    copy[s] = i === segments.length - 1 ? value : put(copy[s], i + 1);
    return copy;
  };
  return put(answers, 0) as Answers;
}

/** True when `path` is `base` or lies under it (`children[0].name` lies under `children` and `children[0]`). */
export function isUnder(path: string, base: string): boolean {
  if (!path.startsWith(base)) return false;
  const next = path.charAt(base.length);
  return next === '' || next === '.' || next === '[';
}
