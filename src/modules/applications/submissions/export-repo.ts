/** SQL of the bulk exports and the printable PDF; every function runs inside a tenant transaction. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Answers, FormDefinition } from '../engine/types.ts';
import type { ExportSubmission } from './export-columns.ts';

/** Which submissions of a procedure an export covers: every version, or one version's. */
export interface ExportScope {
  procedureId: string;
  /** Version ids the export covers (those with submissions; one when a version was asked for). */
  versionIds: string[];
}

/** Where the previous page ended: the exact timestamp (as text, microseconds kept) and id of its last row. */
export interface ExportCursor {
  at: string;
  id: string;
}

/** The form versions that have submissions, newest first; only `version` when given. */
export async function versionsWithSubmissions(tx: Tx, procedureId: string, version?: number): Promise<{ id: string; version: number; definition: FormDefinition }[]> {
  const rows = await txRows<{ id: string; version: number; definition: FormDefinition }>(tx, sql`
    select v.id, v.version, v.definition from applications_form_versions v
     where v.procedure_id = ${procedureId}::uuid ${version === undefined ? sql`` : sql`and v.version = ${version}`}
       and exists (select 1 from applications_submissions s where s.procedure_id = v.procedure_id and s.version_id = v.id)
     order by v.version desc`);
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

const versionFilter = (scope: ExportScope) =>
  sql`s.procedure_id = ${scope.procedureId}::uuid and s.version_id in (${sql.join(scope.versionIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

/** How many submissions the export covers. */
export async function countInScope(tx: Tx, scope: ExportScope): Promise<number> {
  if (!scope.versionIds.length) return 0;
  const [row] = await txRows<{ n: number }>(tx, sql`select count(*)::int as n from applications_submissions s where ${versionFilter(scope)}`);
  return Number(row?.n ?? 0);
}

/** The most items any exported submission has in the repeating group at `jsonPath` (e.g. `$."children"`). */
export async function maxGroupItems(tx: Tx, scope: ExportScope, jsonPath: string): Promise<number> {
  if (!scope.versionIds.length) return 0;
  const [row] = await txRows<{ n: number | null }>(tx, sql`
    select max(jsonb_array_length(g))::int as n
      from applications_submissions s cross join lateral jsonb_path_query(s.answers, ${jsonPath}::jsonpath) g
     where ${versionFilter(scope)} and jsonb_typeof(g) = 'array'`);
  return Number(row?.n ?? 0);
}

interface PageRow {
  id: string; receipt_number: string; submitted_at: Date | string; at_text: string; status: string; channel: string;
  version: number; answers: Answers; computed: Record<string, unknown>; file_names: Record<string, string> | null;
}

/** One page of submissions in the order they arrived (keyset on submitted_at, id), with attachment file names. */
export async function exportPage(tx: Tx, scope: ExportScope, after: ExportCursor | null, limit: number): Promise<{ rows: ExportSubmission[]; next: ExportCursor | null }> {
  if (!scope.versionIds.length) return { rows: [], next: null };
  const rows = await txRows<PageRow>(tx, sql`
    select s.id, s.receipt_number, s.submitted_at, s.submitted_at::text as at_text, s.status, s.channel, v.version, s.answers, s.computed,
           (select jsonb_object_agg(a.id::text, a.filename) from applications_attachments a where a.submission_id = s.id) as file_names
      from applications_submissions s join applications_form_versions v on v.id = s.version_id
     where ${versionFilter(scope)}
       ${after ? sql`and (s.submitted_at, s.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
     order by s.submitted_at, s.id
     limit ${limit}`);
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => ({
      id: r.id, receiptNumber: r.receipt_number, submittedAt: new Date(r.submitted_at), status: r.status, channel: r.channel,
      version: Number(r.version), answers: r.answers, computed: r.computed ?? {}, fileNames: r.file_names ?? {},
    })),
    next: rows.length === limit && last ? { at: last.at_text, id: last.id } : null,
  };
}
