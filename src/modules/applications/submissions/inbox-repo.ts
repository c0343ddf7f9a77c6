import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { bigrams, normalizeForSearch } from '../../../core/ja/normalize.ts';
import { withDates, type SubmissionRow, type SubmissionStatus } from './repo.ts';
import { parseReceiptNumber } from './receipt.ts';

/** A submission as the inbox lists it, with its procedure's title and owners and the assignee's name. */
export interface InboxRow {
  id: string;
  receipt_number: string;
  procedure_id: string;
  procedure_title: string;
  department_id: string | null;
  procedure_department_id: string | null;
  shared_department_ids: string[];
  status: SubmissionStatus;
  channel: 'online' | 'counter';
  applicant_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  submitted_at: Date;
  updated_at: Date;
}

/** Whose submissions a staff member may see: everyone's, or those of their departments (owning, at submission, or shared). */
export interface Visibility {
  all: boolean;
  departmentIds: string[];
}

/** Filters of the inbox. */
export interface InboxFilter {
  procedureId?: string;
  status?: SubmissionStatus;
  assigneeId?: string;
  channel?: 'online' | 'counter';
  q?: string;
  limit: number;
  offset: number;
}

const uuidArray = (ids: string[]) => (ids.length ? sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]` : sql`'{}'::uuid[]`);
const likeEscape = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The visibility rule in SQL, over `s` (submission) and `p` (procedure). */
export function visibleTo(v: Visibility): SQL {
  if (v.all) return sql`true`;
  const mine = uuidArray(v.departmentIds);
  return sql`(s.department_id = any(${mine}) or p.department_id = any(${mine}) or p.shared_department_ids && ${mine})`;
}

/** The search condition: a receipt number typed any way, or every inner bigram of the query in search_text. */
function searchCondition(q: string): SQL | undefined {
  const text = normalizeForSearch(q);
  if (!text) return undefined;
  const grams = bigrams(text, { normalize: false }).filter((g) => !g.startsWith(' ') && !g.endsWith(' '));
  const parts = grams.length ? grams : text.split(' ').filter(Boolean);
  const bigram = sql`(${sql.join(parts.map((g) => sql`s.search_text like ${`%${likeEscape(g)}%`}`), sql` and `)})`;
  // Something that reads as a receipt number (typed in full width, without the hyphen…) may also be a name.
  const receipt = parseReceiptNumber(q);
  return receipt ? sql`(s.receipt_number = ${receipt} or ${bigram})` : bigram;
}

const FROM = sql`from applications_submissions s
  join applications_procedures p on p.id = s.procedure_id
  left join staff_users u on u.id = s.assignee_id`;
const SUMMARY = sql`s.id, s.receipt_number, s.procedure_id, p.title_ja as procedure_title, s.department_id, p.department_id as procedure_department_id,
  p.shared_department_ids, s.status, s.channel, s.applicant_name, s.assignee_id, u.display_name as assignee_name, s.submitted_at, s.updated_at`;

/** One page of the inbox, newest first, and how many match. */
export async function listInbox(tx: Tx, v: Visibility, f: InboxFilter): Promise<{ rows: InboxRow[]; total: number }> {
  const search = f.q ? searchCondition(f.q) : undefined;
  const where = sql.join([
    visibleTo(v),
    f.procedureId ? sql`s.procedure_id = ${f.procedureId}::uuid` : undefined,
    f.status ? sql`s.status = ${f.status}` : undefined,
    f.assigneeId ? sql`s.assignee_id = ${f.assigneeId}::uuid` : undefined,
    f.channel ? sql`s.channel = ${f.channel}` : undefined,
    search,
  ].filter((c): c is SQL => Boolean(c)), sql` and `);
  const rows = await txRows<InboxRow>(tx, sql`select ${SUMMARY} ${FROM} where ${where} order by s.submitted_at desc, s.id desc limit ${f.limit} offset ${f.offset}`);
  const [{ n }] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n ${FROM} where ${where}`);
  return { rows: rows.map(withDates), total: Number(n) };
}

/** One submission with its inbox fields, if the visibility allows it (undefined otherwise: not found for the caller). */
export async function findVisible(tx: Tx, v: Visibility, id: string, opts: { lock?: boolean } = {}): Promise<(InboxRow & SubmissionRow) | undefined> {
  const [row] = await txRows<InboxRow & SubmissionRow>(tx, sql`select s.*, ${SUMMARY} ${FROM} where s.id = ${id}::uuid and ${visibleTo(v)}
    ${opts.lock ? sql`for update of s` : sql``}`);
  return row ? withDates(row) : undefined;
}

/** Staff of the procedure's owning and shared departments (enabled accounts), by name. */
export async function assigneesOf(tx: Tx, procedureId: string): Promise<{ id: string; name: string }[]> {
  return txRows<{ id: string; name: string }>(tx, sql`
    select distinct u.id, u.display_name as name
      from applications_procedures p
      join staff_user_departments d on d.department_id = p.department_id or d.department_id = any(p.shared_department_ids)
      join staff_users u on u.id = d.user_id and not u.disabled
     where p.id = ${procedureId}::uuid order by u.display_name, u.id`);
}

/** Staff of the given departments (all enabled staff when `all`), by name: the inbox's assignee filter. */
export async function staffOf(tx: Tx, v: Visibility): Promise<{ id: string; name: string }[]> {
  return txRows<{ id: string; name: string }>(tx, sql`
    select distinct u.id, u.display_name as name from staff_users u
     where not u.disabled ${v.all ? sql`` : sql`and exists (select 1 from staff_user_departments d where d.user_id = u.id and d.department_id = any(${uuidArray(v.departmentIds)}))`}
     order by u.display_name, u.id limit 500`);
}

/** An enabled staff member of the tenant: id, name and email (for the correction notice). */
export async function findStaff(tx: Tx, id: string): Promise<{ id: string; name: string; email: string } | undefined> {
  const [row] = await txRows<{ id: string; name: string; email: string }>(tx, sql`select id, display_name as name, email from staff_users where id = ${id}::uuid and not disabled`);
  return row;
}
