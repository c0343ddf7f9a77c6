/**
 * The query language of package_search: the subset of Solr's syntax CKAN clients send in `q` and `fq`
 * (`field:value`, `field:"quoted value"`, `-field:value`, `+field:value`, `field:(a OR b)`,
 * `field:[from TO to]` on timestamps, `*:*`, `a OR b`, `NOT a`) and the `sort` parameter. Pure.
 */
import { normalizeForSearch } from '../../../core/ja/index.ts';
import { DATE_FIELDS, EXACT_FIELDS, TEXT_FIELDS, innerBigrams } from './index.ts';

/** A value of a field clause. */
export type Value =
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'any' }
  | { kind: 'range'; from: number | null; to: number | null; fromIncl: boolean; toIncl: boolean };

/** A free-text token, normalised, with its bigrams for the inverted index. */
export interface Token {
  text: string;
  grams: string[];
  /** Japanese tokens of 3+ characters also match when half their bigrams do (避難所 ≈ 避難場所). */
  fuzzy: boolean;
}

export type Clause =
  | { kind: 'all'; negate: boolean }
  | { kind: 'text'; field: 'text' | 'title' | 'notes'; token: Token; negate: boolean }
  | { kind: 'field'; field: string; values: Value[]; every: boolean; negate: boolean }
  | { kind: 'or' | 'and'; clauses: Clause[]; negate: boolean };

/** A query that cannot be read: answered as CKAN's 400 Search Query Error naming the parameter. */
export class QueryError extends Error {
  constructor(readonly param: string, message: string) {
    super(message);
  }
}

const KNOWN = new Set<string>([...EXACT_FIELDS, ...TEXT_FIELDS, ...DATE_FIELDS]);

/** A free-text token (normalised as the index is). */
export function token(raw: string): Token {
  const text = normalizeForSearch(raw);
  const grams = innerBigrams(text);
  return { text, grams, fuzzy: grams.length >= 2 && /[^ -~]/.test(text) };
}

const TERM = /([+-]?)(?:([A-Za-z_][\w.]*|\*):)?("(?:[^"\\]|\\.)*"|\((?:[^()"]|"(?:[^"\\]|\\.)*")*\)|[[{][^\]}]*[\]}]|[^\s()]+)/y;

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s.replace(/\\(.)/g, '$1'));

function timeOf(s: string, param: string): number | null {
  if (s === '*') return null;
  if (/^NOW/i.test(s)) return Date.now();
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new QueryError(param, `Cannot read the date "${s}" in a range`);
  return t;
}

function valueOf(raw: string, param: string): Value {
  if (raw.startsWith('"')) return { kind: 'exact', value: unquote(raw) };
  if (raw === '*') return { kind: 'any' };
  if (raw.endsWith('*') && !raw.endsWith('\\*')) return { kind: 'prefix', value: unquote(raw.slice(0, -1)) };
  if (/^[[{]/.test(raw)) {
    const m = /^([[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$/.exec(raw);
    if (!m) throw new QueryError(param, `Cannot read the range ${raw}`);
    return { kind: 'range', from: timeOf(m[2]!, param), to: timeOf(m[3]!, param), fromIncl: m[1] === '[', toIncl: m[4] === ']' };
  }
  return { kind: 'exact', value: unquote(raw) };
}

/** `(a OR b)` / `(a AND b)` / `(a b)`: the values and whether every one must hold (AND) or any (OR, the default). */
function groupOf(raw: string, param: string): { values: Value[]; every: boolean } {
  const parts = raw.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? ([] as string[]);
  const every = parts.includes('AND') && !parts.includes('OR');
  const values = parts.filter((p) => p !== 'OR' && p !== 'AND' && p !== '||' && p !== '&&').map((p) => valueOf(p, param));
  if (values.length === 0) throw new QueryError(param, 'Empty group ()');
  return { values, every };
}

function fieldClause(field: string, raw: string, negate: boolean, param: string, inQ: boolean): Clause | null {
  if (field === '*' && raw === '*') return { kind: 'all', negate };
  if (!KNOWN.has(field)) {
    if (inQ) return null; // "10:00" or "http://…" typed in q: plain text
    throw new QueryError(param, `Unknown field "${field}" (known: ${[...KNOWN].join(', ')})`);
  }
  if (field === 'text' || field === 'title' || field === 'notes') {
    if (raw.startsWith('(')) {
      const parts = raw.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? ([] as string[]);
      const words = parts.filter((p) => p !== 'OR' && p !== 'AND');
      const clauses: Clause[] = words.map((w) => ({ kind: 'text', field, token: token(unquote(w)), negate: false }));
      if (clauses.length === 0) throw new QueryError(param, 'Empty group ()');
      return { kind: parts.includes('OR') ? 'or' : 'and', clauses, negate };
    }
    const t = token(unquote(raw).replace(/\*$/, ''));
    return t.text ? { kind: 'text', field, token: t, negate } : { kind: 'all', negate };
  }
  const { values, every } = raw.startsWith('(') ? groupOf(raw, param) : { values: [valueOf(raw, param)], every: false };
  if ((DATE_FIELDS as readonly string[]).includes(field)) {
    if (values.some((v) => v.kind !== 'range' && v.kind !== 'any')) throw new QueryError(param, `${field} takes a range such as [2024-01-01T00:00:00Z TO *]`);
  } else if (values.some((v) => v.kind === 'range')) {
    throw new QueryError(param, `${field} does not take a range`);
  }
  return { kind: 'field', field, values, every, negate };
}

/**
 * Parses `q` (free text with field terms inside) or one `fq`: clauses that must all hold. `OR` between
 * two clauses joins them; `AND` is the default; `NOT x` and `-x` negate. An unknown field in `fq` is an
 * error naming it; in `q` it is read as text.
 */
export function parseQuery(input: string, param: string, inQ: boolean): Clause[] {
  const out: Clause[] = [];
  let pendingOr = false;
  let pendingNot = false;
  let pos = 0;
  const s = input;
  while (pos < s.length) {
    if (/\s|[()]/.test(s[pos]!)) { pos++; continue; }
    TERM.lastIndex = pos;
    const m = TERM.exec(s);
    if (!m) throw new QueryError(param, `Cannot read the query at "${s.slice(pos, pos + 20)}"`);
    pos = TERM.lastIndex;
    const [, sign, field, raw] = m as unknown as [string, string, string | undefined, string];
    if (!field && !sign && (raw === 'AND' || raw === '&&')) continue;
    if (!field && !sign && (raw === 'OR' || raw === '||')) { pendingOr = out.length > 0; continue; }
    if (!field && !sign && raw === 'NOT') { pendingNot = true; continue; }
    const negate = sign === '-' || pendingNot;
    pendingNot = false;
    let clause: Clause | null = field ? fieldClause(field, raw, negate, param, inQ) : null;
    if (!clause) {
      const text = field ? `${field}:${raw}` : unquote(raw);
      if (text === '*') clause = { kind: 'all', negate };
      else {
        const t = token(text);
        if (!t.text) continue;
        clause = { kind: 'text', field: 'text', token: t, negate };
      }
    }
    if (pendingOr) {
      const prev = out.pop()!;
      out.push(prev.kind === 'or' && !prev.negate ? { ...prev, clauses: [...prev.clauses, clause] } : { kind: 'or', clauses: [prev, clause], negate: false });
      pendingOr = false;
    } else {
      out.push(clause);
    }
  }
  return out;
}

/** A sort key of package_search. */
export interface SortKey {
  key: 'score' | 'name' | 'title' | 'modified' | 'created' | 'id';
  desc: boolean;
}

const SORT_FIELDS: Record<string, SortKey['key']> = {
  score: 'score', name: 'name', title_string: 'title', title: 'title', metadata_modified: 'modified', metadata_created: 'created', id: 'id',
};

/** Parses `sort` ("score desc, metadata_modified desc"); the direction defaults to asc. */
export function parseSort(input: string): SortKey[] {
  const keys = input.split(',').map((p) => p.trim()).filter(Boolean).map((part): SortKey => {
    const [field, dir = 'asc', ...rest] = part.split(/\s+/);
    const key = SORT_FIELDS[field!];
    if (!key) throw new QueryError('sort', `Cannot sort by "${field}" (known: ${Object.keys(SORT_FIELDS).join(', ')})`);
    if (rest.length || !/^(asc|desc)$/i.test(dir)) throw new QueryError('sort', `Sort direction must be asc or desc: "${part}"`);
    return { key, desc: dir.toLowerCase() === 'desc' };
  });
  if (keys.length === 0) throw new QueryError('sort', 'Empty sort');
  return keys;
}
