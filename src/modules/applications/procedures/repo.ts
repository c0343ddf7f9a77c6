import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { bigrams, normalizeForSearch } from '../../../core/ja/normalize.ts';
import { proceduresTable, type ProcedureRow } from './schema.ts';

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Fields a write may set. */
export type ProcedureValues = Omit<ProcedureRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'createdBy'>;

/** Every procedure of the tenant, oldest first. */
export async function listProcedures(tx: Tx): Promise<ProcedureRow[]> {
  return tx.select().from(proceduresTable).orderBy(asc(proceduresTable.createdAt), asc(proceduresTable.id)).limit(2000);
}

/** One procedure by id, or undefined; `lock` holds its row until the transaction ends (version changes). */
export async function findProcedure(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<ProcedureRow | undefined> {
  const q = tx.select().from(proceduresTable).where(eq(proceduresTable.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** Inserts a procedure for the tenant of the transaction (`createdAt` orders several made in one transaction). */
export async function insertProcedure(tx: Tx, tenantId: string, createdBy: string | null, values: ProcedureValues, createdAt?: Date): Promise<ProcedureRow> {
  const [row] = await tx.insert(proceduresTable).values({ ...values, tenantId, createdBy, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) }).returning();
  return row;
}

/** Replaces a procedure's fields; undefined when it does not exist. */
export async function updateProcedure(tx: Tx, id: string, values: ProcedureValues): Promise<ProcedureRow | undefined> {
  const [row] = await tx.update(proceduresTable).set({ ...values, updatedAt: new Date() }).where(eq(proceduresTable.id, id)).returning();
  return row;
}

/** Marks a procedure changed (its form changed state). */
export async function touchProcedure(tx: Tx, id: string): Promise<void> {
  await tx.update(proceduresTable).set({ updatedAt: new Date() }).where(eq(proceduresTable.id, id));
}

/** Deletes a procedure and (cascade) its versions; whether it existed. */
export async function deleteProcedure(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(proceduresTable).where(eq(proceduresTable.id, id)).returning({ id: proceduresTable.id });
  return rows.length > 0;
}

/** A department's names. */
export interface DepartmentName { id: string; nameJa: string; nameEn: string }

/** The tenant's departments among `ids` (RLS hides other tenants'). */
export async function departmentsAmong(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await txRows<{ id: string }>(tx, sql`select id from departments where id in (${uuidList(ids)})`);
  return new Set(rows.map((r) => r.id));
}

/** Every department of the tenant by id, for names in listings. */
export async function departmentNames(tx: Tx): Promise<Map<string, DepartmentName>> {
  const rows = await txRows<{ id: string; name_ja: string; name_en: string }>(tx, sql`select id, name_ja, name_en from departments`);
  return new Map(rows.map((r) => [r.id, { id: r.id, nameJa: r.name_ja, nameEn: r.name_en }]));
}

/** The text a procedure is found by: every title, summary and description, normalised for search. */
export function searchTextOf(v: Pick<ProcedureValues, 'titleJa' | 'titleEn' | 'titleEasy' | 'summaryJa' | 'summaryEn' | 'summaryEasy' | 'descriptionJa' | 'descriptionEn' | 'descriptionEasy'>): string {
  return normalizeForSearch([v.titleJa, v.titleEn, v.titleEasy, v.summaryJa, v.summaryEn, v.summaryEasy, v.descriptionJa, v.descriptionEn, v.descriptionEasy].join(' '));
}

const likeEscape = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * The SQL condition of a search: every inner bigram of the normalised query occurs in search_text
 * (the bigramMatch of src/core/ja, done by the database); a one-character query is a substring test.
 */
export function searchCondition(query: string): SQL | undefined {
  const q = normalizeForSearch(query);
  if (!q) return undefined;
  const grams = bigrams(q, { normalize: false }).filter((g) => !g.startsWith(' ') && !g.endsWith(' '));
  const parts = grams.length > 0 ? grams : q.split(' ').filter(Boolean);
  return sql.join(parts.map((g) => sql`p.search_text like ${`%${likeEscape(g)}%`}`), sql` and `);
}

/** A public procedure row: the procedure and its current (live or closed) version. */
export interface PublicProcedureRow {
  id: string;
  category: string;
  version_id: string;
  version: number;
  state: 'live' | 'closed';
  department_id: string | null;
  opens_at: Date | null;
  closes_at: Date | null;
}

/** Procedures citizens see (with a live or closed version), optionally filtered by category and query. */
export async function listPublic(tx: Tx, opts: { q?: string; category?: string; id?: string } = {}): Promise<PublicProcedureRow[]> {
  const cond = opts.q ? searchCondition(opts.q) : undefined;
  return txRows(tx, sql`
    select p.id, p.category, v.id as version_id, v.version, v.state, p.department_id, p.opens_at, p.closes_at
      from applications_procedures p
      join applications_form_versions v on v.procedure_id = p.id and v.state in ('live', 'closed')
     where true
       ${opts.category ? sql`and p.category = ${opts.category}` : sql``}
       ${cond ? sql`and ${cond}` : sql``}
       ${opts.id ? sql`and p.id = ${opts.id}::uuid` : sql``}
     order by v.state = 'live' desc, p.created_at, p.id
     limit 500`);
}

/** Procedures by id (for rows a public query found). */
export async function proceduresByIds(tx: Tx, ids: string[]): Promise<Map<string, ProcedureRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(proceduresTable).where(inArray(proceduresTable.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
