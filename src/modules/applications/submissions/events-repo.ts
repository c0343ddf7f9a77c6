import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { Actor } from '../../../core/platform.ts';

/**
 * What happened to a submission: received; a status change (with the staff's internal note and a
 * message to the applicant); a message from staff; a reply from the applicant; a correction made by
 * the applicant; an assignment.
 */
export type EventKind = 'received' | 'status' | 'message' | 'reply' | 'correction' | 'assigned';

/** One history entry as stored, with the staff member's name when staff acted. */
export interface EventRow {
  id: string;
  kind: EventKind;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  message: string | null;
  visible_to_applicant: boolean;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** Appends a history entry in the caller's transaction. */
export async function insertEvent(tx: Tx, e: {
  tenantId: string; submissionId: string; kind: EventKind; actor: Pick<Actor, 'kind' | 'id'>;
  fromStatus?: string | null; toStatus?: string | null; note?: string | null; message?: string | null;
  visibleToApplicant: boolean; details?: Record<string, unknown>;
}): Promise<void> {
  await txRows(tx, sql`insert into applications_submission_events
      (tenant_id, submission_id, kind, from_status, to_status, note, message, visible_to_applicant, actor_kind, actor_id, details)
    values (${e.tenantId}, ${e.submissionId}::uuid, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null}, ${e.note ?? null},
      ${e.message ?? null}, ${e.visibleToApplicant}, ${e.actor.kind}, ${e.actor.id ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb)`);
}

/** The history of a submission, oldest first; `applicantOnly` keeps what the applicant may see. */
export async function listEvents(tx: Tx, submissionId: string, opts: { applicantOnly?: boolean } = {}): Promise<EventRow[]> {
  const rows = await txRows<EventRow>(tx, sql`
    select e.id, e.kind, e.from_status, e.to_status, e.note, e.message, e.visible_to_applicant, e.actor_kind, e.actor_id,
           u.display_name as actor_name, e.details, e.at
      from applications_submission_events e
      left join staff_users u on e.actor_kind = 'staff' and u.id = e.actor_id
     where e.submission_id = ${submissionId}::uuid ${opts.applicantOnly ? sql`and e.visible_to_applicant` : sql``}
     order by e.at, e.id`);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
