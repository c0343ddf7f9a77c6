import { sql } from 'drizzle-orm';
import type { Tx } from '../../../../core/db/connection.ts';
import { txRows } from '../../../../core/db/tenant-tx.ts';

/** SQL of the read actions that do not go through the search index (package_show, resource_show). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid (anything else cannot be an id, and must not reach a uuid column). */
export const isUuid = (s: string): boolean => UUID.test(s);

/** The department owning an organisation (whose staff may see its private datasets), or null. */
export async function orgDepartmentOf(tx: Tx, orgId: string): Promise<string | null> {
  const [row] = await txRows<{ department_id: string | null }>(tx, sql`select department_id from opendata_organizations where id = ${orgId}`);
  return row?.department_id ?? null;
}

/** The dataset of a resource, or null when there is no such resource. */
export async function resourceDatasetOf(tx: Tx, resourceId: string): Promise<string | null> {
  if (!isUuid(resourceId)) return null;
  const [row] = await txRows<{ dataset_id: string }>(tx, sql`select dataset_id from opendata_resources where id = ${resourceId}`);
  return row?.dataset_id ?? null;
}
