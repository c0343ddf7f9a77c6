import { collectionsOf } from '../engine/index.ts';
import type { Collection, GarbageBundle } from '../engine/types.ts';
import { holidaySet } from './draft.ts';

/** The collections of one area of a bundle between two dates (holidays from the national table, so any range works). */
export function bundleCalendar(bundle: Pick<GarbageBundle, 'rules' | 'exceptions' | 'suspensions'>, areaId: string, from: string, to: string): Collection[] {
  return collectionsOf({ rules: bundle.rules, exceptions: bundle.exceptions, suspensions: bundle.suspensions, holidays: holidaySet(from, to) }, areaId, from, to);
}

/**
 * What publishing would change in one area: collections the draft has and the publication lacks
 * (added) and the reverse (removed), matched by date and category code so a re-imported draft
 * with new ids compares fairly.
 */
export function calendarChanges(draft: { bundle: GarbageBundle; collections: Collection[] }, published: { bundle: GarbageBundle; collections: Collection[] } | null): { added: Collection[]; removed: Collection[] } {
  const keyer = (b: GarbageBundle) => {
    const code = new Map(b.categories.map((c) => [c.id, c.code]));
    return (c: Collection) => `${c.date}|${code.get(c.categoryId) ?? c.categoryId}|${c.movedFrom ?? ''}`;
  };
  const dk = keyer(draft.bundle);
  if (!published) return { added: draft.collections, removed: [] };
  const pk = keyer(published.bundle);
  const inDraft = new Set(draft.collections.map(dk));
  const inPub = new Set(published.collections.map(pk));
  return { added: draft.collections.filter((c) => !inPub.has(dk(c))), removed: published.collections.filter((c) => !inDraft.has(pk(c))) };
}
