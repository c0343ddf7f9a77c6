// The sorting dictionary's search (分別辞典), the same on the server and offline in the browser.
// Every key (name in each language, reading, synonyms) is folded once when the index is built and
// laid end to end in one string per form, with a separator between keys: a query is then a few
// String#indexOf scans, which engines run far faster than a loop over tens of thousands of keys, and
// the position of a hit tells whether it is the whole key, its start or inside it.
import type { Category, GarbageLang, Item } from './types.ts';
import { foldKey, looseKey, queryForms } from './fold.ts';

export type MatchedField = 'name' | 'reading' | 'synonym' | 'translation';

export interface SearchHit {
  item: Item;
  /** Higher is better: match kind (exact 3, prefix 2, substring 1) × 100 + field (name/reading 3, translation 2, synonym 1) × 10 + 1 when matched without the ー/small-kana tolerance. */
  score: number;
  matched: MatchedField;
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
}

/** The folded keys laid out for scanning; build once per published bundle. */
export interface DictionaryIndex {
  readonly items: readonly Item[];
  readonly categories: ReadonlyMap<string, Category>;
  /** Folded keys joined by SEP, with a SEP at both ends. */
  readonly strict: Haystack;
  /** The same keys in their ー- and small-kana-tolerant form. */
  readonly loose: Haystack;
  /**
   * Only the tolerant forms that differ from the key: a query with no ー or small kana finds every
   * other key already in `strict`, so it scans this shorter string instead of `loose`.
   */
  readonly looseChanged: Haystack;
  /** Per key: the item's position in `items` and the field it came from. */
  readonly keyItem: Int32Array;
  readonly keyField: Uint8Array;
  /** Per item: the rank for "then shorter name, then id" (0 = first). */
  readonly itemOrder: Int32Array;
}

interface Haystack {
  text: string;
  /** Start offset of each key in `text`, ascending; key i ends at starts[i+1] - 1. */
  starts: Int32Array;
  /** The index's key number of each key here, when not the same. */
  keys: Int32Array | null;
}

const SEP = '\u0001';
const FIELDS: MatchedField[] = ['name', 'reading', 'translation', 'synonym'];
const FIELD_WEIGHT = [3, 3, 2, 1];
const DEFAULT_LIMIT = 20;

function haystack(keys: string[], ids: number[] | null = null): Haystack {
  const starts = new Int32Array(keys.length + 1);
  let pos = 1;
  for (let i = 0; i < keys.length; i++) {
    starts[i] = pos;
    pos += keys[i]!.length + 1;
  }
  starts[keys.length] = pos;
  return { text: SEP + keys.join(SEP) + SEP, starts, keys: ids && Int32Array.from(ids) };
}

export function buildIndex(items: Item[], categories: Category[]): DictionaryIndex {
  const strictKeys: string[] = [];
  const looseKeys: string[] = [];
  const keyItem: number[] = [];
  const keyField: number[] = [];
  items.forEach((item, i) => {
    // One key per distinct folded text of an item, kept with its best field.
    const seen = new Map<string, number>();
    const add = (text: string | undefined, field: number) => {
      if (!text) return;
      const k = foldKey(text);
      if (!k) return;
      const had = seen.get(k);
      if (had === undefined || FIELD_WEIGHT[field]! > FIELD_WEIGHT[had]!) seen.set(k, field);
    };
    add(item.name.ja, 0);
    add(item.reading, 1);
    for (const [lang, text] of Object.entries(item.name) as [GarbageLang, string][]) if (lang !== 'ja') add(text, 2);
    for (const s of item.synonyms) add(s, 3);
    for (const [k, field] of seen) {
      strictKeys.push(k);
      looseKeys.push(looseKey(k));
      keyItem.push(i);
      keyField.push(field);
    }
  });
  const byOrder = items.map((_, i) => i).sort((a, b) => {
    const la = [...items[a]!.name.ja].length;
    const lb = [...items[b]!.name.ja].length;
    if (la !== lb) return la - lb;
    const ia = items[a]!.id;
    const ib = items[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
  const changed = looseKeys.map((k, i) => (k !== strictKeys[i] ? i : -1)).filter((i) => i >= 0);
  const itemOrder = new Int32Array(items.length);
  byOrder.forEach((item, rank) => { itemOrder[item] = rank; });
  return {
    items,
    categories: new Map(categories.map((c) => [c.id, c])),
    strict: haystack(strictKeys),
    loose: haystack(looseKeys),
    looseChanged: haystack(changed.map((i) => looseKeys[i]!), changed),
    keyItem: Int32Array.from(keyItem),
    keyField: Uint8Array.from(keyField),
    itemOrder,
  };
}

/** The key whose span holds `pos` (binary search over the starts). */
function keyAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// A hit is kept per item as score × KEY_SPAN + (KEY_SPAN − 1 − key): one number orders by score and,
// on a tie, by the item's first key (its Japanese name before its reading).
const KEY_SPAN = 1 << 21;

/** Records in `best` (item → encoded score and key) every key of `hay` that `q` equals, starts or (unless prefixOnly) is inside. */
function scan(index: DictionaryIndex, hay: Haystack, q: string, complete: boolean, prefixOnly: boolean, bonus: number, best: Map<number, number>): void {
  const { text, starts } = hay;
  const needle = prefixOnly ? SEP + q : q;
  const shift = prefixOnly ? 1 : 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const pos = at + shift;
    const local = keyAt(starts, pos);
    const key = hay.keys ? hay.keys[local]! : local;
    const start = starts[local]!;
    let kind = 1;
    if (pos === start) kind = complete && pos + q.length === starts[local + 1]! - 1 ? 3 : 2;
    const score = kind * 100 + FIELD_WEIGHT[index.keyField[key]!]! * 10 + bonus;
    const item = index.keyItem[key]!;
    const value = score * KEY_SPAN + (KEY_SPAN - 1 - key);
    const had = best.get(item);
    if (had === undefined || value > had) best.set(item, value);
    if (!prefixOnly && kind === 1) {
      // The rest of this key can only give another substring hit: skip to the next key.
      at = starts[local + 1]! - 1;
    }
  }
}

/**
 * Items matching the query, best first: exact > prefix > substring, then the field (name or reading,
 * then a name in another language, then a synonym), then the shorter Japanese name, then id.
 * An empty query gives nothing; a one-character query matches only the start of keys.
 */
export function searchIndex(index: DictionaryIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  if (limit <= 0) return [];
  const forms = queryForms(query);
  if (forms.length === 0) return [];
  const best = new Map<number, number>();
  for (const form of forms) {
    const prefixOnly = [...form.text].length < 2;
    scan(index, index.strict, form.text, form.complete, prefixOnly, 1, best);
    const loose = looseKey(form.text);
    if (loose) scan(index, loose === form.text ? index.looseChanged : index.loose, loose, form.complete, [...loose].length < 2, 0, best);
  }
  const hits = [...best.entries()];
  hits.sort((a, b) => Math.floor(b[1] / KEY_SPAN) - Math.floor(a[1] / KEY_SPAN) || index.itemOrder[a[0]]! - index.itemOrder[b[0]]!);
  const out: SearchHit[] = [];
  for (const [i, value] of hits.slice(0, limit)) {
    const key = KEY_SPAN - 1 - (value % KEY_SPAN);
    out.push({ item: index.items[i]!, score: Math.floor(value / KEY_SPAN), matched: FIELDS[index.keyField[key]!]! });
  }
  return out;
}
