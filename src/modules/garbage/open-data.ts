import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/connection.ts';
import { txRows } from '../../core/db/tenant-tx.ts';
import type { OpenDataDef } from '../../core/modules/manifest.ts';
import type { GarbageBundle } from './engine/types.ts';
import { exportStandardItems, exportStandardPoints, STANDARD_ITEM_HEADER, STANDARD_POINT_HEADER, type StandardPublisher } from './exchange/standard.ts';
import { latestBundle } from './publications/repo.ts';
import { bundleCalendar } from './publications/calendar.ts';

async function publisherOf(tx: Tx, tenantId: string): Promise<StandardPublisher> {
  const [t] = await txRows<{ lg_code: string; name_ja: string }>(tx, sql`select lg_code, name_ja from tenants where id = ${tenantId}`);
  return { lgCode: t?.lg_code ?? '', lgName: t?.name_ja ?? '' };
}

/** Header-first rows as objects keyed by the header. */
function asRecords(rows: string[][]): Record<string, unknown>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function fromLatest(tx: Tx, tenantId: string, rows: (b: GarbageBundle, p: StandardPublisher) => Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const bundle = await latestBundle(tx);
  return bundle ? rows(bundle, await publisherOf(tx, tenantId)) : [];
}

export const CALENDAR_COLUMNS = ['全国地方公共団体コード', '地方公共団体名', '地区名', '分別区分', '収集日', '備考'];

/** 地区・分別区分・収集日 for every area over the publication's range. */
export function calendarRows(bundle: GarbageBundle, p: StandardPublisher): Record<string, unknown>[] {
  const cats = new Map(bundle.categories.map((c) => [c.id, c.name.ja]));
  return bundle.areas.flatMap((a) => bundleCalendar(bundle, a.id, bundle.range.from, bundle.range.to).map((c) => ({
    全国地方公共団体コード: p.lgCode, 地方公共団体名: p.lgName, 地区名: a.name.ja, 分別区分: cats.get(c.categoryId) ?? '', 収集日: c.date,
    備考: [c.movedFrom ? `${c.movedFrom}から変更` : '', c.note?.ja ?? ''].filter(Boolean).join(' '),
  })));
}

/** Datasets of the latest publication; they refresh when staff publish. */
export const garbageOpenData: OpenDataDef[] = [
  {
    id: 'garbage-items', title: { ja: 'ゴミの分別方法一覧', en: 'Garbage sorting list' }, columns: STANDARD_ITEM_HEADER,
    rows: (tx, tenantId) => fromLatest(tx, tenantId, (b, p) => asRecords(exportStandardItems(b, p))),
  },
  {
    id: 'garbage-points', title: { ja: 'ゴミ集積場所一覧', en: 'Garbage collection points' }, columns: STANDARD_POINT_HEADER,
    rows: (tx, tenantId) => fromLatest(tx, tenantId, (b, p) => asRecords(exportStandardPoints(b, p))),
  },
  {
    id: 'garbage-calendar', title: { ja: 'ゴミ収集日一覧', en: 'Garbage collection calendar' }, columns: CALENDAR_COLUMNS,
    rows: (tx, tenantId) => fromLatest(tx, tenantId, calendarRows),
  },
];
