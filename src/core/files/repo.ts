import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { txRows } from '../db/tenant-tx.ts';

/** A file record as stored. */
export interface FileRow {
  id: string;
  filename: string;
  content_type: string;
  size: string | number;
  sha256: string;
  storage_key: string;
}

/** Records a stored file in the caller's transaction. */
export async function insertFile(tx: Tx, f: { tenantId: string; id: string; filename: string; contentType: string; size: number; sha256: string; storageKey: string; ownerType?: string; ownerId?: string }): Promise<void> {
  await tx.execute(sql`insert into files (tenant_id, id, filename, content_type, size, sha256, storage_key, owner_type, owner_id)
    values (${f.tenantId}, ${f.id}, ${f.filename}, ${f.contentType}, ${f.size}, ${f.sha256}, ${f.storageKey}, ${f.ownerType ?? null}, ${f.ownerId ?? null})`);
}

/** One file of the tenant of the transaction. */
/** Deletes a file's record; the sweep removes its bytes once no record points to them. */
export async function deleteFile(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from files where id = ${id}`);
}

export async function findFile(tx: Tx, id: string): Promise<FileRow | undefined> {
  const [row] = await txRows<FileRow>(tx, sql`select id, filename, content_type, size, sha256, storage_key from files where id = ${id}`);
  return row;
}
