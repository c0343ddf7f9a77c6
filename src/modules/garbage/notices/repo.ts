import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Texts } from '../engine/types.ts';
import { jsonb, uuidArray } from '../db.ts';

/** A notice row in API shape. */
export interface Notice {
  id: string;
  kind: string;
  areaIds: string[];
  title: Texts;
  body: Texts;
  startsOn: string;
  endsOn: string;
  publishedAt: string | null;
  pushedAt: string | null;
}
export type NoticeValues = Pick<Notice, 'kind' | 'areaIds' | 'title' | 'body' | 'startsOn' | 'endsOn'>;

const cols = sql`id, kind, area_ids::text[] as "areaIds", title, body, starts_on::text as "startsOn", ends_on::text as "endsOn",
  to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
  to_char(pushed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "pushedAt"`;

/** Every notice of the tenant, newest first. */
export function listNotices(tx: Tx): Promise<Notice[]> {
  return txRows<Notice>(tx, sql`select ${cols} from garbage_notices order by starts_on desc, created_at desc limit 500`);
}

/** Published notices live on `today` (starts_on ≤ today ≤ ends_on), soonest ending first. */
export function liveNotices(tx: Tx, today: string): Promise<Notice[]> {
  return txRows<Notice>(tx, sql`select ${cols} from garbage_notices where published_at is not null
    and starts_on <= ${today}::date and ends_on >= ${today}::date order by starts_on desc, created_at desc limit 200`);
}

/** One notice, or undefined. */
export async function findNotice(tx: Tx, id: string): Promise<Notice | undefined> {
  return (await txRows<Notice>(tx, sql`select ${cols} from garbage_notices where id = ${id}`))[0];
}

/** Inserts a notice (a draft until published). */
export async function insertNotice(tx: Tx, tenantId: string, createdBy: string | null, v: NoticeValues): Promise<Notice> {
  const [row] = await txRows<Notice>(tx, sql`insert into garbage_notices (tenant_id, kind, area_ids, title, body, starts_on, ends_on, created_by)
    values (${tenantId}, ${v.kind}, ${uuidArray(v.areaIds)}, ${jsonb(v.title)}, ${jsonb(v.body)}, ${v.startsOn}::date, ${v.endsOn}::date, ${createdBy}) returning ${cols}`);
  return row!;
}

/** Replaces a notice's fields; undefined when there is none. */
export async function updateNotice(tx: Tx, id: string, v: NoticeValues): Promise<Notice | undefined> {
  const [row] = await txRows<Notice>(tx, sql`update garbage_notices set kind = ${v.kind}, area_ids = ${uuidArray(v.areaIds)}, title = ${jsonb(v.title)},
    body = ${jsonb(v.body)}, starts_on = ${v.startsOn}::date, ends_on = ${v.endsOn}::date, updated_at = now() where id = ${id} returning ${cols}`);
  return row;
}

/** Deletes a notice; false when there was none. */
export async function deleteNotice(tx: Tx, id: string): Promise<boolean> {
  return (await txRows(tx, sql`delete from garbage_notices where id = ${id} returning id`)).length > 0;
}

/**
 * Marks a notice published and pushed; returns it only for the caller that set pushed_at, so two
 * concurrent publishes push once.
 */
export async function markPublished(tx: Tx, id: string, at: Date): Promise<{ first: boolean; notice: Notice | undefined }> {
  const [row] = await txRows<Notice>(tx, sql`update garbage_notices set published_at = coalesce(published_at, ${at.toISOString()}::timestamptz),
    pushed_at = ${at.toISOString()}::timestamptz, updated_at = now() where id = ${id} and pushed_at is null returning ${cols}`);
  if (row) return { first: true, notice: row };
  return { first: false, notice: await findNotice(tx, id) };
}
