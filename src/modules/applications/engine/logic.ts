/**
 * JSON Logic for showIf, skip rules and computed values, on json-logic-js with guards:
 * - only the operators in OPERATORS run (json-logic-js 2.x has no `method`; `log` is left out);
 * - `var` reads own properties only, so `__proto__`, `constructor`, `toString` … resolve to nothing;
 * - inside a repeating group `var` looks in the item first, then in the top-level answers;
 * - an expression that is malformed or throws is false as a condition and null as a value.
 * Added operators: `count` (items of a list), `sum` (of a list, or of one field over a group's items),
 * `age` (whole years from a date to today or a given date, JST), `today` ('YYYY-MM-DD', JST).
 */
import jsonLogic, { type AdditionalOperation, type RulesLogic } from 'json-logic-js';
import { isValidYmd, toJstDateString } from '../../../core/ja/dates.ts';
import type { Answers, EvalOptions, Expression } from './types.ts';

const STANDARD = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr',
];
/** Every operator an expression may use. */
export const OPERATORS: ReadonlySet<string> = new Set([...STANDARD, 'count', 'sum', 'age', 'today']);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 40;
const MAX_NODES = 2000;
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The data an expression sees inside a repeating group's item: the item first, then the answers. */
class ItemScope {
  constructor(readonly item: Answers, readonly root: Answers) {}
}

/** Follows a dotted path through own properties and array indexes; undefined when it leads nowhere. */
function walk(start: unknown, parts: string[]): unknown {
  let current = start;
  for (const part of parts) {
    if (current === null || typeof current !== 'object' || FORBIDDEN_KEYS.has(part)) return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else {
      if (!hasOwn(current, part)) return undefined;
      current = (current as Record<string, unknown>)[part];
    }
  }
  return current;
}

function safeVar(this: unknown, path: unknown, fallback: unknown): unknown {
  return resolveVar(this, path, fallback);
}

function resolveVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data instanceof ItemScope ? data.item : data;
  const parts = String(path).split('.');
  let value: unknown;
  if (data instanceof ItemScope) {
    value = hasOwn(data.item, parts[0]!) ? walk(data.item, parts) : walk(data.root, parts);
  } else {
    value = walk(data, parts);
  }
  return value === undefined ? notFound : value;
}

let currentToday = '';
const today = (): string => currentToday || toJstDateString(new Date());

/** Whole years from an ISO date to another (default today, JST); null when either is not a date. */
export function ageOn(birth: unknown, on: unknown = today()): number | null {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(birth));
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(on));
  if (!a || !b) return null;
  const [y1, m1, d1] = [Number(a[1]), Number(a[2]), Number(a[3])];
  const [y2, m2, d2] = [Number(b[1]), Number(b[2]), Number(b[3])];
  if (!isValidYmd(y1, m1, d1) || !isValidYmd(y2, m2, d2)) return null;
  // Japanese law counts a year as complete the day before the birthday; for display and rules we
  // use the everyday reckoning: the age goes up on the birthday itself.
  return y2 - y1 - (m2 * 100 + d2 < m1 * 100 + d1 ? 1 : 0);
}

function count(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

function sum(list: unknown, field?: unknown): number {
  if (!Array.isArray(list)) return 0;
  let total = 0;
  for (const entry of list) {
    const value = field === undefined ? entry : walk(entry, [String(field)]);
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(n)) total += n;
  }
  return total;
}

jsonLogic.add_operation('var', safeVar);
jsonLogic.add_operation('count', count);
jsonLogic.add_operation('sum', sum);
jsonLogic.add_operation('age', (birth: unknown, on?: unknown) => ageOn(birth, on ?? today()));
jsonLogic.add_operation('today', () => today());
jsonLogic.rm_operation('log');

function shapeProblem(expr: unknown, depth: number, budget: { nodes: number }): string | null {
  if (--budget.nodes < 0) return 'expression too large';
  if (depth > MAX_DEPTH) return 'expression nested too deeply';
  if (expr === null || typeof expr !== 'object') return null;
  if (Array.isArray(expr)) {
    for (const e of expr) {
      const p = shapeProblem(e, depth + 1, budget);
      if (p) return p;
    }
    return null;
  }
  const keys = Object.keys(expr);
  if (keys.length !== 1) return 'an operation object must have exactly one operator';
  const op = keys[0]!;
  if (!OPERATORS.has(op)) return `unknown operator "${op}"`;
  const args = (expr as Record<string, unknown>)[op];
  if (op === 'var') {
    const path = Array.isArray(args) ? args[0] : args;
    if (typeof path === 'string' && path.split('.').some((p) => FORBIDDEN_KEYS.has(p))) return `forbidden name in var "${path}"`;
  }
  return shapeProblem(args, depth + 1, budget);
}

const shapeCache = new WeakMap<object, string | null>();

/** Why an expression is not acceptable JSON Logic (unknown operator, malformed, too big), or null if it is. */
export function expressionProblem(expr: Expression): string | null {
  if (expr === null || typeof expr !== 'object') return null;
  let problem = shapeCache.get(expr);
  if (problem === undefined) {
    problem = shapeProblem(expr, 0, { nodes: MAX_NODES });
    shapeCache.set(expr, problem);
  }
  return problem;
}

/** Evaluates an expression; throws when it is malformed or fails. `item` scopes `var` to a group item. */
export function evaluate(expr: Expression, answers: Answers, item?: Answers, opts: EvalOptions = {}): unknown {
  const problem = expressionProblem(expr);
  if (problem) throw new Error(problem);
  if (expr === null || typeof expr !== 'object') return expr;
  const previous = currentToday;
  currentToday = opts.today ?? previous;
  try {
    return jsonLogic.apply(expr as RulesLogic<AdditionalOperation>, item ? new ItemScope(item, answers) : answers);
  } finally {
    currentToday = previous;
  }
}

/** JSON Logic truthiness: an empty list is false, as are 0, '', null and false. */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** A condition's result: true when absent, false when malformed or failing. */
export function holds(expr: Expression | undefined, answers: Answers, item?: Answers, opts?: EvalOptions): boolean {
  if (expr === undefined) return true;
  try {
    return truthy(evaluate(expr, answers, item, opts));
  } catch {
    return false;
  }
}

/** A computed value: finite numbers and strings pass, anything else (or a failure) is null. */
export function valueOf(expr: Expression, answers: Answers, opts?: EvalOptions): number | string | null {
  try {
    const value = evaluate(expr, answers, undefined, opts);
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
