import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import { txRows } from '../db/tenant-tx.ts';

describe('tenant isolation by Row Level Security', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let a: string;
  let b: string;
  beforeAll(async () => {
    y = await testApp();
    [{ id: a }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('city-a', 'A市', 'A', '362018') returning id`);
    [{ id: b }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('city-b', 'B市', 'B', '242047') returning id`);
    await y.db.rows(sql`insert into notices_notices (tenant_id, title_ja, body_ja) values (${a}, 'A のお知らせ', '本文'), (${b}, 'B のお知らせ', '本文')`);
  });
  afterAll(async () => y?.close());

  it('a query without any tenant filter sees only the current tenant', async () => {
    const rows = await y.platform.inTenant(a, (tx) => txRows<{ title_ja: string }>(tx, sql`select title_ja from notices_notices`));
    expect(rows.map((r) => r.title_ja)).toEqual(['A のお知らせ']);
  });

  it('cannot update or delete another tenant\'s rows, even naming them', async () => {
    const updated = await y.platform.inTenant(a, (tx) => txRows(tx, sql`update notices_notices set title_ja = 'hacked' where tenant_id = ${b} returning id`));
    expect(updated).toHaveLength(0);
    const deleted = await y.platform.inTenant(a, (tx) => txRows(tx, sql`delete from notices_notices returning tenant_id`));
    expect(deleted.every((r) => r.tenant_id === a)).toBe(true);
    const [{ n }] = await y.db.rows<{ n: number }>(sql`select count(*)::int as n from notices_notices where tenant_id = ${b} and title_ja = 'B のお知らせ'`);
    expect(n).toBe(1);
  });

  it('cannot insert a row into another tenant', async () => {
    await expect(y.platform.inTenant(a, (tx) => txRows(tx, sql`insert into notices_notices (tenant_id, title_ja, body_ja) values (${b}, 'x', 'y')`)))
      .rejects.toSatisfy((e: Error) => /row-level security/.test(String((e.cause as Error)?.message ?? e.message)));
  });

  it('without a tenant set, the app role sees nothing', async () => {
    const rows = await y.db.orm.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'yakuba_app', true)`);
      return txRows(tx as never, sql`select id from notices_notices`);
    });
    expect(rows).toHaveLength(0);
  });

  it('every table with a tenant_id column has RLS enabled and a policy', async () => {
    const tables = await y.db.rows<{ table_name: string; rls: boolean; policies: number }>(sql`
      select c.table_name, cl.relrowsecurity as rls,
             (select count(*)::int from pg_policies p where p.tablename = c.table_name) as policies
        from information_schema.columns c
        join pg_class cl on cl.relname = c.table_name and cl.relkind = 'r'
        join pg_namespace ns on ns.oid = cl.relnamespace and ns.nspname = 'public'
       where c.table_schema = 'public' and c.column_name = 'tenant_id'`);
    expect(tables.length).toBeGreaterThan(0);
    const unprotected = tables.filter((t) => !t.rls || t.policies === 0).map((t) => t.table_name);
    expect(unprotected).toEqual([]);
  });

  it('the app role owns no table, so RLS cannot be bypassed by ownership', async () => {
    const owned = await y.db.rows(sql`select tablename from pg_tables where schemaname = 'public' and tableowner = 'yakuba_app'`);
    expect(owned).toEqual([]);
  });
});
