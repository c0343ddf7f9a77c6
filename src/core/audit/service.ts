import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';
import type { AuditEntry, AuditService } from '../platform.ts';
import { entryHash, GENESIS_HASH, type HashedFields } from './hash.ts';

/** Advisory-lock class of the audit chains (the second key hashes the tenant and chain). */
const AUDIT_LOCK_CLASS = 7263515;

/** The chain each open transaction writes to, per tenant: chosen once, so a transaction holds one chain lock. */
const chainOfTx = new WeakMap<object, Map<string, number>>();

function heldChain(tx: Tx, tenantId: string, chains: number): { chain: number; locked: boolean } {
  let held = chainOfTx.get(tx);
  if (!held) chainOfTx.set(tx, (held = new Map()));
  const chain = held.get(tenantId);
  if (chain !== undefined) return { chain, locked: true };
  const picked = chains > 1 ? Math.floor(Math.random() * chains) : 0;
  held.set(tenantId, picked);
  return { chain: picked, locked: false };
}

/**
 * Appends entries of one tenant to one of its hash chains inside the caller's transaction: they commit
 * or roll back with the change they record. The chain's advisory lock, held until commit, serialises
 * its writers; a transaction keeps to one chain, so it never waits on two locks (no deadlock).
 */
async function appendEntries(tx: Tx, tenantId: string, entries: AuditEntry[], chains: number): Promise<void> {
  const { chain, locked } = heldChain(tx, tenantId, chains);
  if (!locked) await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(${`${tenantId}:${chain}`}))`);
  const [head] = await txRows<{ seq: string | number; hash: string }>(tx, sql`select seq, hash from audit_heads where tenant_id = ${tenantId} and chain = ${chain}`);
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const rows = entries.map((entry) => {
    seq += 1;
    // Round-trip details through JSON so the hash covers what jsonb stores (no undefined, dates as strings).
    const details = JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>;
    const fields: HashedFields = {
      tenantId, ...(chain !== 0 ? { chain } : {}), seq, at,
      actorKind: entry.actor.kind, actorId: entry.actor.id ?? null, action: entry.action,
      targetType: entry.targetType ?? null, targetId: entry.targetId ?? null,
      personalData: entry.personalData ?? false, details, ip: entry.ip ?? null,
    };
    const hash = entryHash(prevHash, fields);
    const row = sql`(${tenantId}, ${chain}, ${seq}, ${at}::timestamptz, ${fields.actorKind}, ${fields.actorId}, ${fields.action}, ${fields.targetType},
      ${fields.targetId}, ${fields.personalData}, ${JSON.stringify(details)}::jsonb, ${fields.ip}, ${prevHash}, ${hash})`;
    prevHash = hash;
    return row;
  });
  await tx.execute(sql`insert into audit_log (tenant_id, chain, seq, at, actor_kind, actor_id, action, target_type, target_id, personal_data, details, ip, prev_hash, hash)
    values ${sql.join(rows, sql`, `)}`);
  await tx.execute(sql`insert into audit_heads (tenant_id, chain, seq, hash) values (${tenantId}, ${chain}, ${seq}, ${prevHash})
    on conflict (tenant_id, chain) do update set seq = excluded.seq, hash = excluded.hash`);
}

/** Appends one entry to the tenant's audit log, in the caller's transaction. */
export async function recordAudit(tx: Tx, entry: AuditEntry, chains = 1): Promise<void> {
  await appendEntries(tx, entry.tenantId, [entry], chains);
}

/** The audit service handed to modules through the platform; `chains` per tenant (Config.auditChains). */
export function createAuditService(opts: { chains?: number } = {}): AuditService {
  const chains = Math.max(1, opts.chains ?? 1);
  return {
    record: (tx, entry) => recordAudit(tx, entry, chains),
    async recordMany(tx, entries) {
      const byTenant = new Map<string, AuditEntry[]>();
      for (const e of entries) byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e]);
      for (const [tenantId, list] of byTenant) await appendEntries(tx, tenantId, list, chains);
    },
  };
}
