import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';

/** Submissions per procedure and per form version (applications_submissions, owned by submissions/). */
export interface SubmissionCounts {
  byProcedure: Map<string, number>;
  byVersion: Map<string, number>;
}

/** How many submissions each procedure and version has; `procedureId` limits it to one procedure. */
export async function submissionCounts(tx: Tx, procedureId?: string): Promise<SubmissionCounts> {
  const rows = await txRows<{ procedure_id: string; version_id: string; n: number }>(tx, sql`
    select procedure_id, version_id, count(*)::int as n from applications_submissions
     ${procedureId ? sql`where procedure_id = ${procedureId}::uuid` : sql``}
     group by procedure_id, version_id`);
  const byProcedure = new Map<string, number>();
  const byVersion = new Map<string, number>();
  for (const r of rows) {
    byProcedure.set(r.procedure_id, (byProcedure.get(r.procedure_id) ?? 0) + Number(r.n));
    byVersion.set(r.version_id, Number(r.n));
  }
  return { byProcedure, byVersion };
}
