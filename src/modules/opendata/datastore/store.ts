import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';

/** A datastore column: its id (the CSV header) and CKAN datastore type. */
export interface DatastoreField {
  id: string;
  type: 'text' | 'numeric' | 'int' | 'float' | 'bool' | 'date' | 'time' | 'timestamp';
}

const BATCH = 2000;

const NUMBER_TYPES = new Set<DatastoreField['type']>(['int', 'numeric', 'float']);

/**
 * Values of number columns as JSON numbers (and empty cells as null), whatever the caller passed:
 * datastore_search filters by jsonb containment, where the string "3" never equals the number 3.
 */
function typed(fields: DatastoreField[], rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const numeric = fields.filter((f) => NUMBER_TYPES.has(f.type)).map((f) => f.id);
  if (numeric.length === 0) return rows;
  return rows.map((row) => {
    const out = { ...row };
    for (const id of numeric) {
      const v = out[id];
      if (typeof v !== 'string') continue;
      const s = v.trim();
      out[id] = s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : v;
    }
    return out;
  });
}

/**
 * Replaces a resource's datastore table with these columns and rows (in the caller's transaction, so a
 * failed load leaves the previous table), and marks the resource datastore_active. Row ids are 1-based
 * positions (CKAN's `_id`). Values are stored as given, except numeric strings of number columns, stored
 * as numbers.
 */
export async function replaceDatastore(tx: Tx, tenantId: string, resourceId: string, fields: DatastoreField[], rows: Record<string, unknown>[]): Promise<void> {
  await tx.execute(sql`delete from opendata_datastore_rows where resource_id = ${resourceId}`);
  await tx.execute(sql`delete from opendata_datastore_fields where resource_id = ${resourceId}`);
  await tx.execute(sql`insert into opendata_datastore_fields (tenant_id, resource_id, position, id, type)
    select ${tenantId}, ${resourceId}, (f.ord - 1)::int, f.v->>'id', f.v->>'type'
    from jsonb_array_elements(${JSON.stringify(fields)}::jsonb) with ordinality as f(v, ord)`);
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = typed(fields, rows.slice(start, start + BATCH));
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
