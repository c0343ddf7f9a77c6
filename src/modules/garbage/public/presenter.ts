import type { Area, Category, GarbageLang, Item } from '../engine/types.ts';
import { textIn } from '../texts.ts';

/** An area for the picker, in one language. */
export function presentArea(a: Area, lang: GarbageLang) {
  return { id: a.id, code: a.code, name: textIn(a.name, lang), reading: a.reading, towns: a.towns };
}

/** A category, in one language. */
export function presentCategory(c: Category, lang: GarbageLang) {
  return { id: c.id, code: c.code, name: textIn(c.name, lang), color: c.color, icon: c.icon };
}

/** A dictionary hit with its category, in one language. */
export function presentItem(i: Item, categories: ReadonlyMap<string, Category>, lang: GarbageLang) {
  const c = i.categoryId ? categories.get(i.categoryId) : undefined;
  return { id: i.id, name: textIn(i.name, lang), reading: i.reading, category: c ? presentCategory(c, lang) : null, notes: textIn(i.notes, lang), fee: i.fee };
}
