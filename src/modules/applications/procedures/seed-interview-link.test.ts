import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { seedDemo } from '../../../core/seed/demo.ts';
import type { FormDefinition } from '../engine/types.ts';
import { flattenFields } from '../engine/index.ts';

describe('applications: demo interview procedure books a reservations slot', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    y = await testApp();
    await seedDemo(y.platform);
  });
  afterAll(async () => y?.close());

  it('binds the live form of 児童扶養手当 面談予約 to the same tenant\'s 児童扶養手当 面談 resource, in both tenants', async () => {
    const rows = await y.db.rows<{ slug: string; tenant_id: string; definition: FormDefinition }>(sql`
      select t.slug, t.id as tenant_id, v.definition from applications_procedures p
      join tenants t on t.id = p.tenant_id
      join applications_form_versions v on v.procedure_id = p.id and v.state = 'live'
      where p.title_ja = '児童扶養手当 面談予約' order by t.slug`);
    expect(rows.map((r) => r.slug)).toEqual(['matsusaka', 'tokushima']);
    for (const r of rows) {
      const fields = flattenFields(r.definition).map((f) => f.field).filter((f) => f.type === 'reservation');
      expect(fields, r.slug).toHaveLength(1);
      const res = await y.db.rows<{ tenant_id: string; kind: string; name_ja: string }>(sql`
        select tenant_id, kind, name_ja from reservations_resources where id = ${fields[0]!.resourceId ?? null}`);
      expect(res, r.slug).toEqual([{ tenant_id: r.tenant_id, kind: 'interview', name_ja: '児童扶養手当 面談' }]);
    }
  });
});
