import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import { intArray, jsonb } from '../../../core/db/params.ts';
import type { DatastoreField } from './store.ts';

/** A resource's datastore columns in order. */
export async function fieldsOf(tx: Tx, resourceId: string): Promise<DatastoreField[]> {
  return txRows<DatastoreField>(tx, sql`select id, type from opendata_datastore_fields where resource_id = ${resourceId} order by position`);
}

/** One condition of a search, already checked against the resource's columns. */
export type Condition =
  /** rows whose data contains this object (all equality filters of single values: one GIN lookup) */
  | { kind: 'contains'; value: Record<string, unknown> }
  /** rows whose data contains any of these objects (a filter with a list of values) */
  | { kind: 'containsAny'; values: Record<string, unknown>[] }
  /** `_id` among these row ids */
  | { kind: 'rowIds'; ids: number[] }
  /** a value of the row (or of one column) contains the text, case-insensitively */
  | { kind: 'text'; field: string | null; text: string };

/** An ORDER BY item: a column (compared as jsonb: numbers as numbers) or `_id`. */
export interface SortItem {
  field: string;
  desc: boolean;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type PlainCondition = Extract<Condition, { kind: 'rowIds' | 'text' }>;

function conditionSql(c: PlainCondition): SQL {
  switch (c.kind) {
    case 'rowIds':
      return sql`row_id = any(${intArray(c.ids)})`;
    case 'text':
      return c.field === null
        ? sql`exists (select 1 from jsonb_each_text(data) e where e.value ilike ${likePattern(c.text)})`
        : sql`data->>${c.field} ilike ${likePattern(c.text)}`;
  }
}

/**
 * The rows searched, as a FROM item. Containment filters go through opendata_datastore_match (a
 * SECURITY DEFINER function, see migration 0002: under RLS the GIN index is otherwise never used);
 * without them the table is read by its primary key (resource_id, row_id), in page order.
 */
function source(resourceId: string, conditions: Condition[]): { from: SQL; where: SQL } {
  const all = conditions.find((c) => c.kind === 'contains');
  const any = conditions.filter((c) => c.kind === 'containsAny');
  const rest = conditions.filter((c): c is PlainCondition => c.kind === 'rowIds' || c.kind === 'text');
  if (!all && any.length === 0) {
    return { from: sql`opendata_datastore_rows`, where: sql.join([sql`resource_id = ${resourceId}`, ...rest.map(conditionSql)], sql` and `) };
  }
  return {
    from: sql`opendata_datastore_match(${resourceId}::uuid, ${jsonb(all?.value ?? {})}, ${jsonb(any.map((c) => c.values))}) m`,
    where: rest.length ? sql.join(rest.map(conditionSql), sql` and `) : sql`true`,
  };
}

/**
 * A page of rows matching the conditions, in the sort order (then by row id), and with `withTotal`
 * the number of all matching rows, counted in the same pass (a window count before the LIMIT); null
 * when the page is empty, since no row carries it then.
 */
export async function searchRows(tx: Tx, resourceId: string, conditions: Condition[], sort: SortItem[], limit: number, offset: number, withTotal: boolean): Promise<{ rows: { row_id: number; data: Record<string, unknown> }[]; total: number | null }> {
  const order = sort.map((s) => (s.field === '_id'
    ? sql.raw(s.desc ? 'row_id desc' : 'row_id')
    // JSON null sorts before every value in jsonb order; as SQL NULL it sorts as in CKAN (last when ascending).
    : sql`nullif(data->${s.field}, 'null'::jsonb) ${sql.raw(s.desc ? 'desc' : 'asc')}`));
  if (!sort.some((s) => s.field === '_id')) order.push(sql`row_id`);
  const { from, where } = source(resourceId, conditions);
  // Without conditions the window would read every row for the count; countRows has a shortcut then.
  const window = withTotal && conditions.length > 0;
  const rows = await txRows<{ row_id: number; data: Record<string, unknown>; total?: string | number }>(tx, sql`select row_id, data
    ${window ? sql`, count(*) over () as total` : sql``} from ${from} where ${where}
    order by ${sql.join(order, sql`, `)} limit ${limit} offset ${offset}`);
  const page = rows.map((r) => ({ row_id: r.row_id, data: r.data }));
  if (!withTotal) return { rows: page, total: null };
  if (!window) return { rows: page, total: await countRows(tx, resourceId, []) };
  return { rows: page, total: rows.length > 0 ? Number(rows[0]!.total) : null };
}

/** How many rows match (the same conditions as the page). */
export async function countRows(tx: Tx, resourceId: string, conditions: Condition[]): Promise<number> {
  // Row ids are the positions 1…n (replaceDatastore), so the whole table's count is its last id: one index probe.
  if (conditions.length === 0) {
    const [last] = await txRows<{ n: number | null }>(tx, sql`select max(row_id) as n from opendata_datastore_rows where resource_id = ${resourceId}`);
    return last?.n ?? 0;
  }
  const { from, where } = source(resourceId, conditions);
  const [row] = await txRows<{ n: string | number }>(tx, sql`select count(*) as n from ${from} where ${where}`);
  return Number(row!.n);
}
