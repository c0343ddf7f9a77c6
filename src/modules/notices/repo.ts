import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/connection.ts';
import { noticesTable, type NoticeRow } from './schema.ts';

/** Fields a write may set. */
export type NoticeValues = Omit<NoticeRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'createdBy'>;

/** Published notices, newest first; the tenant comes from the transaction (RLS). */
export async function listPublished(tx: Tx, opts: { category?: string; limit: number; offset: number; now: Date }): Promise<NoticeRow[]> {
  const where = and(
    isNotNull(noticesTable.publishedAt),
    lte(noticesTable.publishedAt, opts.now),
    opts.category ? eq(noticesTable.category, opts.category) : undefined,
  );
  return tx.select().from(noticesTable).where(where).orderBy(desc(noticesTable.publishedAt)).limit(opts.limit).offset(opts.offset);
}

/** Every notice of the tenant, drafts included, newest first. */
export async function listAll(tx: Tx): Promise<NoticeRow[]> {
  return tx.select().from(noticesTable).orderBy(desc(noticesTable.updatedAt)).limit(500);
}

/** One notice by id, or undefined. */
export async function findById(tx: Tx, id: string): Promise<NoticeRow | undefined> {
  const [row] = await tx.select().from(noticesTable).where(eq(noticesTable.id, id));
  return row;
}

/** Inserts a notice for the tenant of the transaction. */
export async function insert(tx: Tx, tenantId: string, createdBy: string | null, values: NoticeValues): Promise<NoticeRow> {
  const [row] = await tx.insert(noticesTable).values({ ...values, tenantId, createdBy }).returning();
  return row;
}

/** Replaces a notice's fields; undefined when it does not exist. */
export async function update(tx: Tx, id: string, values: NoticeValues): Promise<NoticeRow | undefined> {
  const [row] = await tx.update(noticesTable).set({ ...values, updatedAt: new Date() }).where(eq(noticesTable.id, id)).returning();
  return row;
}

/** Deletes a notice; whether it existed. */
export async function remove(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(noticesTable).where(eq(noticesTable.id, id)).returning({ id: noticesTable.id });
  return rows.length > 0;
}

/** Notices published in [from, to): the KPI figure. */
export async function countPublishedBetween(tx: Tx, from: Date, to: Date): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(noticesTable)
    .where(and(isNotNull(noticesTable.publishedAt), sql`${noticesTable.publishedAt} >= ${from} and ${noticesTable.publishedAt} < ${to}`));
  return Number(row?.n ?? 0);
}
