import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Answers } from '../engine/types.ts';

/** A draft as stored (the token itself is never stored, only its SHA-256). */
export interface DraftRow {
  id: string;
  citizen_id: string | null;
  procedure_id: string;
  version_id: string;
  answers: Answers;
  page_id: string | null;
  email: string | null;
  updated_at: Date;
  expires_at: Date;
}

const COLUMNS = sql`id, citizen_id, procedure_id, version_id, answers, page_id, email, updated_at, expires_at`;
const norm = (r: DraftRow): DraftRow => ({ ...r, updated_at: new Date(r.updated_at), expires_at: new Date(r.expires_at) });

/** How long a draft is kept after its last save. */
export const DRAFT_TTL_DAYS = 30;

/** Stores a new draft under the hash of its token. */
export async function insertDraft(tx: Tx, d: { tenantId: string; tokenHash: string; citizenId: string | null; procedureId: string; versionId: string; answers: Answers; pageId: string | null; email: string | null }): Promise<DraftRow> {
  const [row] = await txRows<DraftRow>(tx, sql`insert into applications_drafts (tenant_id, token_hash, citizen_id, procedure_id, version_id, answers, page_id, email, expires_at)
    values (${d.tenantId}, ${d.tokenHash}, ${d.citizenId}, ${d.procedureId}::uuid, ${d.versionId}::uuid, ${JSON.stringify(d.answers)}::jsonb, ${d.pageId}, ${d.email},
      now() + make_interval(days => ${DRAFT_TTL_DAYS}))
    returning ${COLUMNS}`);
  return norm(row);
}

/** A live (unexpired) draft by its token hash, or by id for its owner citizen. */
export async function findDraft(tx: Tx, by: { tokenHash: string } | { id: string; citizenId: string }, opts: { lock?: boolean } = {}): Promise<DraftRow | undefined> {
  const where = 'tokenHash' in by ? sql`token_hash = ${by.tokenHash}` : sql`id = ${by.id}::uuid and citizen_id = ${by.citizenId}::uuid`;
  const [row] = await txRows<DraftRow>(tx, sql`select ${COLUMNS} from applications_drafts where ${where} and expires_at > now()${opts.lock ? sql` for update` : sql``}`);
  return row ? norm(row) : undefined;
}

/** Saves a draft's answers and page; the 30 days start again. */
export async function updateDraft(tx: Tx, id: string, v: { answers: Answers; pageId: string | null }): Promise<DraftRow> {
  const [row] = await txRows<DraftRow>(tx, sql`update applications_drafts set answers = ${JSON.stringify(v.answers)}::jsonb, page_id = ${v.pageId},
    updated_at = now(), expires_at = now() + make_interval(days => ${DRAFT_TTL_DAYS}) where id = ${id}::uuid returning ${COLUMNS}`);
  return norm(row);
}

/** Deletes a draft (after its submission). */
export async function deleteDraft(tx: Tx, id: string): Promise<void> {
  await txRows(tx, sql`delete from applications_drafts where id = ${id}::uuid`);
}

/** A citizen's live drafts, newest first, with the procedure titles. */
export async function listCitizenDrafts(tx: Tx, citizenId: string): Promise<(DraftRow & { title_ja: string; title_en: string; title_easy: string })[]> {
  const rows = await txRows<DraftRow & { title_ja: string; title_en: string; title_easy: string }>(tx, sql`
    select d.id, d.citizen_id, d.procedure_id, d.version_id, d.answers, d.page_id, d.email, d.updated_at, d.expires_at, p.title_ja, p.title_en, p.title_easy
      from applications_drafts d join applications_procedures p on p.id = d.procedure_id
     where d.citizen_id = ${citizenId}::uuid and d.expires_at > now() order by d.updated_at desc limit 100`);
  return rows.map((r) => ({ ...r, ...norm(r) }));
}
