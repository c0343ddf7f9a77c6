// `npm run bench:opendata`: the open-data catalog's two hot reads on PostgreSQL, each beside a
// primary-key lookup on the same database measured in the same run.
// 1. package_search with 10,000 datasets (20 organisations, 6 groups, tags, 1–3 resources each) and all
//    five facets: p50/p99 over a mix of free-text (Japanese), facet filters (fq), sorts and pages.
//    Goal p99 < 20 ms.
// 2. datastore_search with an equality filter over a 1,000,000-row resource (a column with 1,000
//    distinct values, so each filter matches ~1,000 rows; limit 100, total counted): p50/p99. Goal p99
//    < 50 ms.
// Through the whole HTTP layer in process (`app.inject`: routing, tenancy, dispatcher, serialisation),
// sequential requests. Baseline: `select … from opendata_datasets where id = $1` through the same pool.
// PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; a fresh database is made and dropped.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Database } from '../src/core/db/connection.ts';
import { createTenant } from '../src/core/seed/tenants.ts';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 10_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000);
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'yakuba-bench-od-'));
const dbName = `yakuba_bench_${randomBytes(5).toString('hex')}`;
const dbUrl = (() => { const u = new URL(BASE_URL); u.pathname = `/${dbName}`; return u.toString(); })();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;

let seed = 7;
const rand = () => { seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(query);
  await c.end();
}

const TOPICS = ['避難所', '人口', '公共施設', 'AED', '子育て', '観光', '予算', 'ごみ', '医療機関', 'イベント', '道路', '公園', '図書館', '選挙', '統計'];
const TAGS = ['防災', '人口', '施設', '健康', '子育て', '観光', '財政', '環境', '交通', '教育', '統計', '地図', '福祉', '文化', 'スポーツ'];
const FORMATS = ['CSV', 'XLSX', 'JSON', 'PDF', 'GeoJSON'];
const GROUPS = ['bousai', 'kosodate', 'kenko', 'kanko', 'kurashi', 'gyosei'];

/** 10,000 datasets by set-based SQL in a few statements (the catalog revision is bumped per row by the triggers). */
async function fillCatalog(db: Database, tenantId: string): Promise<void> {
  await db.rows(sql`insert into opendata_organizations (tenant_id, name, title)
    select ${tenantId}, 'org-' || i, jsonb_build_object('ja', '課' || i, 'en', 'Division ' || i) from generate_series(1, 20) i`);
  await db.rows(sql`insert into opendata_groups (tenant_id, name, title)
    select ${tenantId}, g, jsonb_build_object('ja', g, 'en', g) from unnest(${`{${GROUPS.join(',')}}`}::text[]) g`);
  const batch = 1000;
  for (let start = 0; start < DATASETS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, DATASETS - start) }, (_, k) => {
      const i = start + k;
      const topic = pick(TOPICS);
      return {
        name: `dataset-${i}`, title: `${topic}一覧 ${i}`, notes: `${topic}に関するデータです。第${i}版。`, org: `org-${(i % 20) + 1}`,
        tags: [pick(TAGS), pick(TAGS)], licence: i % 5 === 0 ? 'PDL-1.0' : 'CC-BY-4.0', group: pick(GROUPS),
        formats: Array.from({ length: 1 + (i % 3) }, () => pick(FORMATS)),
      };
    });
    await db.rows(sql`with input as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(name text, title text, notes text, org text, tags text[], licence text, "group" text, formats text[])),
      ds as (insert into opendata_datasets (tenant_id, name, title, notes, owner_org, tags, license_id)
        select ${tenantId}, i.name, jsonb_build_object('ja', i.title, 'en', 'Dataset ' || i.name), jsonb_build_object('ja', i.notes, 'en', ''),
          o.id, i.tags, i.licence from input i join opendata_organizations o on o.name = i.org and o.tenant_id = ${tenantId}
        returning id, name),
      grp as (insert into opendata_dataset_groups (tenant_id, dataset_id, group_id)
        select ${tenantId}, ds.id, g.id from ds join input i on i.name = ds.name join opendata_groups g on g.name = i."group" and g.tenant_id = ${tenantId})
      insert into opendata_resources (tenant_id, dataset_id, position, name, url, format)
        select ${tenantId}, ds.id, f.ord::int - 1, jsonb_build_object('ja', 'データ ' || f.ord, 'en', 'Data ' || f.ord), 'https://example.jp/' || ds.name || '/' || f.ord, f.fmt
        from ds join input i on i.name = ds.name, unnest(i.formats) with ordinality f(fmt, ord)`);
  }
}

/** One dataset with a 1,000,000-row datastore resource: columns 町丁コード (1,000 values), 種別, 名称, 値. */
async function fillDatastore(db: Database, tenantId: string): Promise<string> {
  const [org] = await db.rows<{ id: string }>(sql`select id from opendata_organizations where tenant_id = ${tenantId} limit 1`);
  const [ds] = await db.rows<{ id: string }>(sql`insert into opendata_datasets (tenant_id, name, title, owner_org)
    values (${tenantId}, 'big-table', '{"ja": "大きな表", "en": "Big table"}', ${org!.id}) returning id`);
  const [res] = await db.rows<{ id: string }>(sql`insert into opendata_resources (tenant_id, dataset_id, name, format, url_type, datastore_active)
    values (${tenantId}, ${ds!.id}, '{"ja": "大きな表", "en": "Big table"}', 'CSV', 'upload', true) returning id`);
  const id = res!.id;
  await db.rows(sql`insert into opendata_datastore_fields (tenant_id, resource_id, position, id, type) values
    (${tenantId}, ${id}, 0, '町丁コード', 'text'), (${tenantId}, ${id}, 1, '種別', 'text'), (${tenantId}, ${id}, 2, '名称', 'text'), (${tenantId}, ${id}, 3, '値', 'int')`);
  const batch = 100_000;
  for (let start = 0; start < ROWS; start += batch) {
    await db.rows(sql`insert into opendata_datastore_rows (tenant_id, resource_id, row_id, data)
      select ${tenantId}, ${id}, i, jsonb_build_object('町丁コード', 'C' || lpad((i % 1000)::text, 4, '0'), '種別', '種別' || (i % 10), '名称', '施設 ' || i, '値', i % 997)
      from generate_series(${start + 1}::int, ${Math.min(start + batch, ROWS)}::int) i`);
  }
  await db.rows(sql`analyze opendata_datastore_rows`);
  return id;
}

async function timeIt(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i); // warm-up: index build, plans, JIT
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${DATASETS} datasets, ${ROWS} datastore rows, ${REQUESTS} requests each`);
  await admin(`CREATE DATABASE ${dbName}`);
  const db = await openDatabase({ databaseUrl: dbUrl, poolSize: 10 });
  const y = await buildApp({ db, config: { logLevel: 'silent', jobsEnabled: false, secretKey: 'bench-secret-key-0123456789abcdef0123456789', dataDir: work, rateLimitPerMinute: 1e9 } });
  try {
    const t = await createTenant(y.platform, { slug: 'tokushima', nameJa: '徳島市', nameEn: 'Tokushima', lgCode: '362018' });
    let s = performance.now();
    await fillCatalog(db, t.id);
    const resourceId = await fillDatastore(db, t.id);
    console.log(`data loaded in ${((performance.now() - s) / 1000).toFixed(1)} s`);
    const ids = (await db.rows<{ id: string }>(sql`select id from opendata_datasets order by random() limit 1000`)).map((r) => r.id);

    const get = async (path: string) => {
      const res = await y.app.inject({ method: 'GET', url: `/t/tokushima/api/3/action/${path}` });
      if (res.statusCode !== 200) throw new Error(`${path} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const facets = encodeURIComponent(JSON.stringify(['organization', 'groups', 'tags', 'res_format', 'license_id']));
    const searches = [
      () => `package_search?q=${encodeURIComponent(pick(TOPICS))}&facet.field=${facets}&rows=20`,
      () => `package_search?fq=${encodeURIComponent(`tags:${pick(TAGS)}`)}&facet.field=${facets}&rows=20`,
      () => `package_search?fq=${encodeURIComponent(`organization:org-${1 + Math.floor(rand() * 20)} res_format:${pick(FORMATS)}`)}&facet.field=${facets}&sort=metadata_modified+desc`,
      () => `package_search?q=${encodeURIComponent(`${pick(TOPICS)} ${pick(TAGS)}`)}&facet.field=${facets}&start=${Math.floor(rand() * 5) * 20}&rows=20`,
      () => `package_search?facet.field=${facets}&sort=name+asc&start=${Math.floor(rand() * 100) * 10}`,
    ];
    s = performance.now();
    const first = await get(`package_search?facet.field=${facets}`);
    console.log(`first package_search (builds the in-memory index of ${JSON.parse(first.body).result.count} datasets): ${ms(performance.now() - s)}`);
    await db.rows(sql`update opendata_datasets set title = '{"ja": "更新した一覧", "en": "Updated"}' where name = 'dataset-42'`);
    s = performance.now();
    await get(`package_search?facet.field=${facets}`);
    console.log(`first package_search after one dataset changed (only it reloaded, the index rebuilt): ${ms(performance.now() - s)}`);
    const search = await timeIt(REQUESTS, async (i) => { await get(searches[i % searches.length]!()); });
    const pk = await timeIt(REQUESTS, async (i) => { await db.rows(sql`select id, name, title from opendata_datasets where id = ${ids[i % ids.length]!}`); });
    console.log(`package_search (10k datasets, 5 facets): p50 ${ms(pct(search, 0.5))}, p99 ${ms(pct(search, 0.99))} (goal p99 < 20 ms)`);
    console.log(`baseline primary-key lookup: p50 ${ms(pct(pk, 0.5))}, p99 ${ms(pct(pk, 0.99))}; ratio p50 ${(pct(search, 0.5) / pct(pk, 0.5)).toFixed(1)}×, p99 ${(pct(search, 0.99) / pct(pk, 0.99)).toFixed(1)}×`);

    const filtered = await timeIt(REQUESTS, async () => {
      const code = `C${String(Math.floor(rand() * 1000)).padStart(4, '0')}`;
      const res = await get(`datastore_search?resource_id=${resourceId}&filters=${encodeURIComponent(JSON.stringify({ 町丁コード: code }))}&limit=100`);
      const { result } = JSON.parse(res.body);
      if (result.records.length !== 100 || result.total !== ROWS / 1000) throw new Error(`unexpected datastore_search result: ${result.records.length} records, total ${result.total}`);
    });
    const pk2 = await timeIt(REQUESTS, async (i) => { await db.rows(sql`select id, name, title from opendata_datasets where id = ${ids[i % ids.length]!}`); });
    console.log(`datastore_search (1M rows, filter matching ${ROWS / 1000} rows, limit 100, total counted): p50 ${ms(pct(filtered, 0.5))}, p99 ${ms(pct(filtered, 0.99))} (goal p99 < 50 ms)`);
    console.log(`baseline primary-key lookup: p50 ${ms(pct(pk2, 0.5))}, p99 ${ms(pct(pk2, 0.99))}; ratio p50 ${(pct(filtered, 0.5) / pct(pk2, 0.5)).toFixed(1)}×, p99 ${(pct(filtered, 0.99) / pct(pk2, 0.99)).toFixed(1)}×`);
  } catch (err) {
    console.error('bench failed:', err);
    process.exitCode = 1;
  } finally {
    await y.close();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
