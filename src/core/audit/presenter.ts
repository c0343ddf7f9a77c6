import type { AuditRow } from './repo.ts';

/** One audit entry as the admin API shows it. */
export interface AuditItem {
  chain: number;
  seq: number;
  at: string;
  actor: { kind: string; id: string | null };
  action: string;
  target: { type: string | null; id: string | null };
  personalData: boolean;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

/** Shapes a stored row for the admin API, field by field. */
export function presentAuditRow(r: AuditRow): AuditItem {
  return {
    chain: Number(r.chain),
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id },
    action: r.action,
    target: { type: r.target_type, id: r.target_id },
    personalData: r.personal_data,
    details: r.details ?? {},
    ip: r.ip,
    hash: r.hash,
  };
}
