/**
 * What a backup needs to know about the public schema, read from pg_catalog so that every table —
 * the core's, every module's, future ones — is included without a list to maintain.
 */
import type { RawClient } from '../db/connection.ts';

/** One column that holds stored data (generated and dropped columns are left out). */
export interface ColumnInfo {
  name: string;
  type: string;
  identity: boolean;
}

/** One table of the public schema, its data columns and its primary key. */
export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every ordinary (or partitioned) table of the public schema, parents before the tables that reference them. */
export async function listTables(client: RawClient): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relpersistence <> 't'
      order by c.relname`,
  );
  const columns = await client.query<{ table_name: string; name: string; type: string; identity: string }>(
    `select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const keys = await client.query<{ table_name: string; name: string }>(
    `select c.relname as table_name, a.attname as name
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, k.ord`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `select distinct c.relname as child, p.relname as parent
       from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
       join pg_namespace n on n.oid = c.relnamespace join pg_namespace pn on pn.oid = p.relnamespace
      where f.contype = 'f' and n.nspname = 'public' and pn.nspname = 'public' and c.oid <> p.oid`,
  );
  const byName = new Map<string, TableInfo>(tables.map((t) => [t.name, { name: t.name, columns: [], primaryKey: [] }]));
  for (const c of columns) byName.get(c.table_name)?.columns.push({ name: c.name, type: c.type, identity: c.identity !== '' });
  for (const k of keys) byName.get(k.table_name)?.primaryKey.push(k.name);
  return dependencyOrder([...byName.values()], edges);
}

/** Orders tables so that every table comes after the tables its foreign keys point to (ties by name). */
export function dependencyOrder(tables: TableInfo[], edges: { child: string; parent: string }[]): TableInfo[] {
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) if (parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length) {
    const i = pending.findIndex((t) => [...parents.get(t.name)!].every((p) => done.has(p)));
    // A cycle between tables (rare; no FK cycle exists today): take the first and rely on the load order within it.
    const [next] = pending.splice(i === -1 ? 0 : i, 1);
    done.add(next!.name);
    out.push(next!);
  }
  return out;
}

/** Sequences of the public schema (identity and serial ones included). */
export async function listSequences(client: RawClient): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Session settings that make text forms of values identical on every server, for dump and restore alike. */
export const STABLE_TEXT_SETTINGS = `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`;
