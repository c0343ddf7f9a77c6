import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import type { Collection, GarbageBundle, GarbageLang } from '../engine/types.ts';
import { bundleCalendar } from '../publications/calendar.ts';
import { textIn } from '../texts.ts';

/** The feed of one area for some categories (all when `codes` is empty), in one language. */
export interface FeedRequest {
  tenantId: string;
  tenantName: string;
  areaId: string;
  codes: string[];
  lang: GarbageLang;
}

/** A UID that stays the same for (tenant, area, category, date) across publications, so calendars update events in place. */
export function collectionUid(tenantId: string, areaCode: string, categoryCode: string, date: string): string {
  const h = createHash('sha256').update(`${tenantId}|${areaCode}|${categoryCode}|${date}`).digest('hex').slice(0, 32);
  return `${h}@garbage.yakuba`;
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * RFC 5545 text of an area's collections over the publication's range: one all-day event per
 * (date, category). All-day dates are floating by the RFC (a JST calendar day stays that day on any
 * phone), so no VTIMEZONE is needed; X-WR-TIMEZONE names Asia/Tokyo for clients that show one.
 */
export function feedText(bundle: GarbageBundle, req: FeedRequest): string {
  const area = bundle.areas.find((a) => a.id === req.areaId)!;
  const categories = new Map(bundle.categories.map((c) => [c.id, c]));
  const wanted = (c: Collection) => !req.codes.length || req.codes.includes(categories.get(c.categoryId)?.code ?? '');
  const collections = bundleCalendar(bundle, area.id, bundle.range.from, bundle.range.to).filter(wanted);
  const published = new Date(bundle.publishedAt);
  const cal = ical({
    name: `${textIn(area.name, req.lang)} ${req.lang === 'ja' || req.lang === 'ja-easy' ? 'ごみ収集日' : 'garbage collection'} (${req.tenantName})`,
    prodId: { company: 'Yakuba', product: 'garbage', language: req.lang === 'ja' || req.lang === 'ja-easy' ? 'JA' : 'EN' },
    ttl: 12 * 3600,
  });
  cal.x('X-WR-TIMEZONE', 'Asia/Tokyo');
  for (const c of collections) {
    const cat = categories.get(c.categoryId);
    if (!cat) continue;
    const note = c.note ? textIn(c.note, req.lang) : '';
    cal.createEvent({
      id: collectionUid(req.tenantId, area.code, cat.code, c.date),
      start: dateOnly(c.date),
      allDay: true,
      summary: note ? `${textIn(cat.name, req.lang)}（${note}）` : textIn(cat.name, req.lang),
      description: textIn(cat.howTo, req.lang) || null,
      stamp: published,
      lastModified: published,
      categories: [{ name: cat.code }],
    });
  }
  return cal.toString();
}
