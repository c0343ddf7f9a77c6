import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { entryHash, GENESIS_HASH } from './hash.ts';

/** The outcome of checking one tenant's chain. */
export interface ChainReport {
  tenantId: string;
  slug: string;
  entries: number;
  ok: boolean;
  /** The chain and first seq at which it is broken, and why. */
  broken?: { chain: number; seq: number; reason: 'changed' | 'removed' | 'tail_removed' | 'head_mismatch' };
}

interface Row {
  tenant_id: string; seq: string | number; at_ms: string; actor_kind: string; actor_id: string | null; action: string;
  target_type: string | null; target_id: string | null; personal_data: boolean; details: unknown; ip: string | null;
  prev_hash: string; hash: string;
}

const BATCH = 1000;

type Broken = NonNullable<ChainReport['broken']>;

/** Walks one chain of a tenant; how many entries held, and where it broke. */
async function verifyChain(db: Database, tenantId: string, chain: number): Promise<{ entries: number; broken?: Broken }> {
  const fail = (entries: number, seq: number, reason: Broken['reason']) => ({ entries, broken: { chain, seq, reason } });
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db.rows<Row>(sql`select tenant_id, seq, floor(extract(epoch from at) * 1000)::text as at_ms, actor_kind, actor_id, action,
        target_type, target_id, personal_data, details, ip, prev_hash, hash
      from audit_log where tenant_id = ${tenantId} and chain = ${chain} and seq >= ${expected} order by seq limit ${BATCH}`);
    for (const r of rows) {
      const seq = Number(r.seq);
      // A gap, or a link that does not match, means an entry was removed (or the previous one rewritten).
      if (seq !== expected || r.prev_hash !== prevHash) return fail(expected - 1, expected, 'removed');
      const hash = entryHash(prevHash, {
        tenantId: r.tenant_id, ...(chain !== 0 ? { chain } : {}), seq, at: new Date(Number(r.at_ms)).toISOString(), actorKind: r.actor_kind,
        actorId: r.actor_id, action: r.action, targetType: r.target_type, targetId: r.target_id, personalData: r.personal_data, details: r.details, ip: r.ip,
      });
      if (hash !== r.hash) return fail(expected - 1, seq, 'changed');
      prevHash = r.hash;
      expected += 1;
    }
    if (rows.length < BATCH) break;
  }
  const last = expected - 1;
  const [head] = await db.rows<{ seq: string | number; hash: string }>(sql`select seq, hash from audit_heads where tenant_id = ${tenantId} and chain = ${chain}`);
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > last) return fail(last, last + 1, 'tail_removed');
  if (headSeq !== last || (head && head.hash !== prevHash)) return fail(last, headSeq, 'head_mismatch');
  return { entries: last };
}

async function verifyTenant(db: Database, tenantId: string, slug: string): Promise<ChainReport> {
  // Chains named by a head or by an entry: a chain whose entries were all removed still has its head.
  const chains = await db.rows<{ chain: number }>(sql`select chain from audit_heads where tenant_id = ${tenantId}
    union select distinct chain from audit_log where tenant_id = ${tenantId} order by chain`);
  let entries = 0;
  for (const { chain } of chains) {
    const result = await verifyChain(db, tenantId, Number(chain));
    entries += result.entries;
    if (result.broken) return { tenantId, slug, entries, ok: false, broken: result.broken };
  }
  return { tenantId, slug, entries, ok: true };
}

/**
 * Walks every tenant's hash chain (or one tenant's) as the owner and reports the first broken seq:
 * a changed entry, a removed one, or a removed tail (the head records more than the log holds).
 */
export async function verifyAudit(db: Database, tenantId?: string): Promise<ChainReport[]> {
  const tenants = await db.rows<{ id: string; slug: string }>(tenantId
    ? sql`select id, slug from tenants where id = ${tenantId}`
    : sql`select id, slug from tenants order by slug`);
  const reports: ChainReport[] = [];
  for (const t of tenants) reports.push(await verifyTenant(db, t.id, t.slug));
  return reports;
}
