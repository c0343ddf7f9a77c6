import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import type { FormDefinition } from '../engine/types.ts';
import { formVersionsTable, type FormVersionRow, type VersionState } from './schema.ts';

/** A version without its definition, for lists. */
export type VersionHead = Omit<FormVersionRow, 'definition'>;

const head = {
  id: formVersionsTable.id, tenantId: formVersionsTable.tenantId, procedureId: formVersionsTable.procedureId,
  version: formVersionsTable.version, state: formVersionsTable.state, createdBy: formVersionsTable.createdBy,
  createdAt: formVersionsTable.createdAt, updatedAt: formVersionsTable.updatedAt, publishedAt: formVersionsTable.publishedAt,
};

/** The versions (without definitions) of the given procedures, or of every procedure; newest first. */
export async function listHeads(tx: Tx, procedureIds?: string[]): Promise<VersionHead[]> {
  if (procedureIds && procedureIds.length === 0) return [];
  return tx.select(head).from(formVersionsTable)
    .where(procedureIds ? inArray(formVersionsTable.procedureId, procedureIds) : undefined)
    .orderBy(asc(formVersionsTable.procedureId), sql`${formVersionsTable.version} desc`);
}

/** One version of a procedure, or undefined. */
export async function findVersion(tx: Tx, procedureId: string, versionId: string): Promise<FormVersionRow | undefined> {
  const [row] = await tx.select().from(formVersionsTable)
    .where(and(eq(formVersionsTable.id, versionId), eq(formVersionsTable.procedureId, procedureId)));
  return row;
}

/** One version by id alone, or undefined. */
export async function findVersionById(tx: Tx, versionId: string, opts: { lockShare?: boolean } = {}): Promise<FormVersionRow | undefined> {
  const q = tx.select().from(formVersionsTable).where(eq(formVersionsTable.id, versionId));
  const [row] = opts.lockShare ? await q.for('share') : await q;
  return row;
}

/** The procedure's version in one of the given states (there is at most one draft and one live/closed). */
export async function findInState(tx: Tx, procedureId: string, states: VersionState[], opts: { lockShare?: boolean } = {}): Promise<FormVersionRow | undefined> {
  const q = tx.select().from(formVersionsTable)
    .where(and(eq(formVersionsTable.procedureId, procedureId), inArray(formVersionsTable.state, states)))
    .orderBy(sql`${formVersionsTable.version} desc`).limit(1);
  const [row] = opts.lockShare ? await q.for('share') : await q;
  return row;
}

/** The highest version number of a procedure (0 when it has none). */
export async function maxVersion(tx: Tx, procedureId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${formVersionsTable.version}), 0)::int` }).from(formVersionsTable)
    .where(eq(formVersionsTable.procedureId, procedureId));
  return Number(row?.n ?? 0);
}

/** Inserts a version. */
export async function insertVersion(tx: Tx, values: { tenantId: string; procedureId: string; version: number; state: VersionState; definition: FormDefinition; createdBy: string | null; publishedAt?: Date | null }): Promise<FormVersionRow> {
  const [row] = await tx.insert(formVersionsTable).values({ ...values, publishedAt: values.publishedAt ?? null }).returning();
  return row;
}

/** Replaces a draft's definition (the database refuses it for any other state). */
export async function updateDefinition(tx: Tx, id: string, definition: FormDefinition): Promise<FormVersionRow> {
  const [row] = await tx.update(formVersionsTable).set({ definition, updatedAt: new Date() }).where(eq(formVersionsTable.id, id)).returning();
  return row;
}

/** Moves a version to another state; publishing stamps published_at. */
export async function setState(tx: Tx, id: string, state: VersionState, publishedAt?: Date): Promise<FormVersionRow> {
  const [row] = await tx.update(formVersionsTable)
    .set({ state, updatedAt: new Date(), ...(publishedAt ? { publishedAt } : {}) })
    .where(eq(formVersionsTable.id, id)).returning();
  return row;
}

/** Deletes a version (only drafts are ever deleted). */
export async function deleteVersion(tx: Tx, id: string): Promise<void> {
  await tx.delete(formVersionsTable).where(eq(formVersionsTable.id, id));
}
