import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/app.ts';
import { TestClient, signedInAdminAndStaff, twoTenants } from '../../../core/auth/testing.ts';
import type { Tenant } from '../../../core/platform.ts';
import { ADMIN, smallCity } from '../testing.ts';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const FILES = ['area_days', 'target', 'description', 'remarks', 'center'] as const;
const all5374 = () => Object.fromEntries(FILES.map((f) => [f, b64(fixture(`5374/${f}.csv`))]));

describe('garbage: import and export routes', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let admin: TestClient;
  let plain: TestClient;
  let tenant: Tenant;
  const count = async (table: string) => Number((await y.db.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

  beforeAll(async () => {
    y = await testApp();
    await twoTenants(y.platform);
    await y.tenants.reload();
    tenant = (await y.tenants.bySlugName('tokushima'))!;
    ({ admin, plain } = await signedInAdminAndStaff(y, tenant.id, 'correct horse battery'));
    await smallCity(admin);
  });
  afterAll(async () => y?.close());

  it('reports a dry run without touching the draft, and refuses callers without the permission', async () => {
    const res = await admin.send('POST', `${ADMIN}/import/5374`, { files: all5374(), dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.imported).toBe(false);
    expect(res.data.counts.areas).toBeGreaterThan(0);
    expect(await count('garbage_areas')).toBe(1);
    expect((await plain.send('POST', `${ADMIN}/import/5374`, { files: all5374(), dryRun: true })).statusCode).toBe(403);
    expect((await admin.send('POST', `${ADMIN}/import/5374`, { files: { target: '***' } })).data.error.field).toBe('files.target');
    // A real import replaces the whole draft, so a lone target.csv would wipe the areas: refused.
    const { area_days: _a, ...withoutAreas } = all5374();
    const partial = await admin.send('POST', `${ADMIN}/import/5374`, { files: withoutAreas });
    expect([partial.statusCode, partial.data.error.field]).toEqual([400, 'files.area_days']);
    expect(await count('garbage_areas')).toBe(1);
  });

  it('leaves the draft whole when the data set has an error', async () => {
    const bad = Buffer.from('地名,センター,燃やすごみ\n本町1丁目,,月 ほげ\n');
    const res = await admin.send('POST', `${ADMIN}/import/5374`, { files: { ...all5374(), area_days: b64(bad) } });
    expect(res.data.imported).toBe(false);
    expect(res.data.report.some((e: { level: string; file: string; row: number }) => e.level === 'error' && e.file === 'area_days.csv' && e.row === 2)).toBe(true);
    expect(await count('garbage_areas')).toBe(1);
    expect(await count('garbage_items')).toBe(2);
  });

  it('replaces the draft with a CP932 5374 data set in one go, audited, and exports it again', async () => {
    const files = all5374();
    files.area_days = b64(iconv.encode(fixture('5374/area_days.csv').toString('utf8'), 'cp932'));
    const res = await admin.send('POST', `${ADMIN}/import/5374`, { files });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.imported).toBe(true);
    expect(await count('garbage_areas')).toBe(res.data.counts.areas);
    expect(await count('garbage_rules')).toBe(res.data.counts.rules);
    expect(await count('garbage_items')).toBe(res.data.counts.items);
    expect(await y.db.rows(sql`select 1 from audit_log where action = 'garbage.import.5374'`)).toHaveLength(1);
    const out = await admin.send('GET', `${ADMIN}/export/5374/area_days.csv`);
    expect(out.statusCode).toBe(200);
    expect(out.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.body).toContain('本町1丁目');
    expect(out.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(fixture('5374/area_days.csv').toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]);
    expect((await admin.send('GET', `${ADMIN}/export/5374/other.csv`)).statusCode).toBe(400);
  });

  it('imports and exports the standard datasets, in CP932 when asked', async () => {
    const dry = await admin.send('POST', `${ADMIN}/import/standard`, { kind: 'items', file: b64(fixture('standard/items-recommended.csv')), dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const res = await admin.send('POST', `${ADMIN}/import/standard`, { kind: 'items', file: b64(fixture('standard/items-recommended.csv')) });
    expect(res.data.imported).toBe(true);
    expect(await count('garbage_items')).toBe(res.data.counts.items);
    const csv = await admin.send('GET', `${ADMIN}/export/standard/items.csv?encoding=cp932`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/shift_jis|cp932|windows-31j/i);
    const text = iconv.decode(csv.rawPayload, 'cp932');
    expect(text.split(/\r?\n/)[0]).toContain('ゴミの品目');
    expect(text).toContain('ペットボトル');
    const points = 'ID,名称,住所,地区名,緯度,経度\n1,本町公民館前,本町1丁目,本町1丁目,36.56,136.65\n';
    const p = await admin.send('POST', `${ADMIN}/import/standard`, { kind: 'points', file: b64(points) });
    expect([p.data.imported, p.data.counts.points], p.body).toEqual([true, 1]);
    expect((await admin.send('GET', `${ADMIN}/export/standard/points.csv`)).body).toContain('本町公民館前');
    expect((await admin.send('POST', `${ADMIN}/import/standard`, { kind: 'other', file: '' })).data.error.field).toBe('kind');
  });
});
