import type { OutboxRow } from './outbox-repo.ts';

const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());

/** `taro@example.jp` → `t***@example.jp`: enough to tell messages apart in a list without exposing the address. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}

/** An outbox message in the admin list. */
export interface OutboxSummary {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  deliveredVia: string | null;
  lastError: string | null;
  createdAt: string | null;
  /** Subject, push title or event name, with a masked recipient. */
  summary: { title: string; recipient: string | null };
}

/** An outbox message with its body, for the detail view. */
export interface OutboxDetail extends OutboxSummary {
  body: Record<string, unknown>;
}

function summaryOf(row: OutboxRow): OutboxSummary['summary'] {
  const p = row.payload;
  if (row.channel === 'email') return { title: String(p.subject ?? ''), recipient: maskAddress(String(p.to ?? '')) };
  if (row.channel === 'push') return { title: String(p.title ?? ''), recipient: String(p.audience ?? '').replace(/:(.).*$/, ':$1***') };
  return { title: String(p.name ?? ''), recipient: null };
}

/** Shapes a row for the list, field by field. */
export function presentOutboxSummary(row: OutboxRow): OutboxSummary {
  return {
    id: row.id, channel: row.channel, status: row.status, attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at), sentAt: iso(row.sent_at), deliveredVia: row.delivered_via,
    lastError: row.last_error, createdAt: iso(row.created_at), summary: summaryOf(row),
  };
}

/** Shapes a row with its whole body (the caller audits the read). */
export function presentOutboxDetail(row: OutboxRow): OutboxDetail {
  return { ...presentOutboxSummary(row), body: row.payload };
}
