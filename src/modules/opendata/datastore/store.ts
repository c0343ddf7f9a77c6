import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';

/** A datastore column: its id (the CSV header) and CKAN datastore type. */
export interface DatastoreField {
  id: string;
  type: 'text' | 'numeric' | 'int' | 'float' | 'bool' | 'date' | 'time' | 'timestamp';
}

const BATCH = 2000;

/**
 * Replaces a resource's datastore table with these columns and rows (in the caller's transaction, so a
 * failed load leaves the previous table), and marks the resource datastore_active. Row ids are 1-based
 * positions (CKAN's `_id`). Values are stored as given (strings from a CSV; numbers where typed).
 */
export async function replaceDatastore(tx: Tx, tenantId: string, resourceId: string, fields: DatastoreField[], rows: Record<string, unknown>[]): Promise<void> {
  await tx.execute(sql`delete from opendata_datastore_rows where resource_id = ${resourceId}`);
  await tx.execute(sql`delete from opendata_datastore_fields where resource_id = ${resourceId}`);
  await tx.execute(sql`insert into opendata_datastore_fields (tenant_id, resource_id, position, id, type)
    select ${tenantId}, ${resourceId}, (f.ord - 1)::int, f.v->>'id', f.v->>'type'
    from jsonb_array_elements(${JSON.stringify(fields)}::jsonb) with ordinality as f(v, ord)`);
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    await tx.execute(sql`insert into opendata_datastore_rows (tenant_id, resource_id, row_id, data)
      select ${tenantId}, ${resourceId}, (${start} + r.ord)::int, r.v
      from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) with ordinality as r(v, ord)`);
  }
  await tx.execute(sql`update opendata_resources set datastore_active = true, metadata_modified = now() where id = ${resourceId}`);
}

/** Drops a resource's datastore table (a new upload that is not tabular, or resource_delete). */
export async function clearDatastore(tx: Tx, resourceId: string): Promise<void> {
  await tx.execute(sql`delete from opendata_datastore_rows where resource_id = ${resourceId}`);
  await tx.execute(sql`delete from opendata_datastore_fields where resource_id = ${resourceId}`);
  await tx.execute(sql`update opendata_resources set datastore_active = false, metadata_modified = now() where id = ${resourceId} and datastore_active`);
}
