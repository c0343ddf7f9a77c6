import { createHash } from 'node:crypto';

/** prev_hash of a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers, exactly as stored. */
export interface HashedFields {
  tenantId: string;
  /** Set only for chains other than 0, so entries written before chains existed keep their hashes. */
  chain?: number;
  seq: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  personalData: boolean;
  details: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every level, so the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash of an entry: SHA-256 over the previous hash and the canonical JSON of the entry. */
export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}
