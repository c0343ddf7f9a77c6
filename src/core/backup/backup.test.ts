import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync, createReadStream, createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import pg from 'pg';
import { testApp, testDatabase } from '../../test/app.ts';
import { openDatabase, type Database } from '../db/connection.ts';
import { migrate, type MigrationSource } from '../db/migrate.ts';
import { modules } from '../../modules/index.ts';
import { seedDemo } from '../seed/demo.ts';
import { verifyAudit } from '../audit/verify.ts';
import { ident, listTables, STABLE_TEXT_SETTINGS } from './catalog.ts';
import { backupTo, filesDir, listFiles } from './dump.ts';
import { restoreFrom, RestoreRefused } from './restore.ts';

const fixture: MigrationSource = { owner: 'backup_fixture', dir: fileURLToPath(new URL('./test-fixture', import.meta.url)) };
const sources: MigrationSource[] = [...modules.filter((m) => m.migrations).map((m) => ({ owner: m.id, dir: m.migrations! })), fixture];

/** Every row of every public table as PostgreSQL's text form, ordered by primary key. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  return db.rawTransaction(async (client) => {
    await client.exec(STABLE_TEXT_SETTINGS);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(client)) {
      const order = t.primaryKey.length ? t.primaryKey.map((k) => `t.${ident(k)}`).join(', ') : '1';
      out[t.name] = (await client.query<{ r: string }>(`select t::text as r from ${ident(t.name)} t order by ${order}`)).map((x) => x.r);
    }
    return out;
  });
}

function fileContents(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((p) => [p, readFileSync(join(root, p)).toString('base64')]));
}

describe('backup and restore', () => {
  const work = mkdtempSync(join(tmpdir(), 'yakuba-backup-'));
  const backupFile = join(work, 'backup.jsonl.gz');
  let source: Awaited<ReturnType<typeof testApp>>;
  let sourceDb: Database;
  let before: Record<string, string[]>;
  let beforeFiles: Record<string, string>;

  beforeAll(async () => {
    // The source is always PGlite; the target is PostgreSQL when DATABASE_URL is set.
    sourceDb = await openDatabase({});
    source = await testApp({ db: sourceDb });
    await migrate(sourceDb, sources);
    await seedDemo(source.platform);
    for (const t of await sourceDb.rawTransaction((c) => c.query<{ id: string }>('select id from tenants'))) {
      for (let i = 0; i < 3; i++) {
        await source.platform.inTenant(t.id, (tx) => source.platform.audit.record(tx, {
          tenantId: t.id, actor: { kind: 'system', id: null } as never, action: 'backup.test', targetType: 'x', targetId: String(i), details: { i, 名前: '徳島' },
        }));
      }
    }
    await sourceDb.rawTransaction(async (c) => {
      const [t] = await c.query<{ id: string }>(`select id from tenants order by slug limit 1`);
      const [root] = await c.query<{ id: string }>(
        `insert into backupfixture_items (tenant_id, title, body, data, tags, amount, ratio, due, at, span)
         values ($1, '親 "quoted", with\nnewline', '\\x00ff10'::bytea, '{"a": [1, 2.5, "日本語"], "b": null}', '{x,"y z",𠮷}', 1234.50, 0.1, '2024-02-29', '2024-04-01T00:00:00.123456+09:00', '1 day 02:03:04')
         returning id`, [t!.id]);
      await c.query(`insert into backupfixture_items (tenant_id, parent_id, title) values ($1, $2, '子')`, [t!.id, root!.id]);
      await c.query(`insert into backupfixture_items (tenant_id, title, ratio) values ($1, 'no body', 'NaN'), ($1, 'zero', -0.0)`, [t!.id]);
      await c.query(`select nextval('backupfixture_counter'), nextval('backupfixture_counter')`);
    });
    const files = filesDir(source.platform.config);
    mkdirSync(join(files, 'tenant-a', 'ab'), { recursive: true });
    writeFileSync(join(files, 'tenant-a', 'ab', 'big.bin'), randomBytes(700 * 1024));
    writeFileSync(join(files, 'tenant-a', '申請書.txt'), '申請書の本文\n');
    writeFileSync(join(files, 'empty'), '');
    before = await snapshot(sourceDb);
    beforeFiles = fileContents(files);
  });

  afterAll(async () => {
    await source?.close();
    await sourceDb?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('has data in the tables it is meant to prove', () => {
    for (const t of ['tenants', 'installation', 'departments', 'staff_users', 'audit_log', 'backupfixture_items']) {
      if (t in before) expect(before[t]!.length, t).toBeGreaterThan(0);
    }
    expect(before.tenants).toBeDefined();
    expect(Object.keys(before).length).toBeGreaterThan(5);
  });

  it('backs up, restores into a fresh database and data directory, and everything compares equal', async () => {
    const summary = await backupTo(sourceDb, source.platform.config, backupFile);
    expect(summary.tables).toBe(Object.keys(before).length);
    expect(summary.files).toBe(Object.keys(beforeFiles).length); // the three written above and the files the demo seed stores
    const target = await testDatabase();
    const dataDir = join(work, 'target');
    try {
      const restored = await restoreFrom(target, { dataDir }, backupFile, { migrations: sources });
      expect(restored.rows).toBe(summary.rows);
      expect(await snapshot(target)).toEqual(before);
      expect(fileContents(filesDir({ dataDir }))).toEqual(beforeFiles);
      // The identity column and sequences continue after the restored values.
      const [next] = await target.rawTransaction((c) => c.query<{ id: string }>(
        `insert into backupfixture_items (tenant_id, title) select id, 'after' from tenants limit 1 returning id::text`));
      expect(Number(next!.id)).toBe(5);
      const [counter] = await target.rawTransaction((c) => c.query<{ n: string }>(`select nextval('backupfixture_counter')::text as n`));
      expect(counter!.n).toBe('102');
      // The hash-chained audit log still verifies.
      for (const report of await verifyAudit(target)) expect(report.ok, report.slug).toBe(true);

      // A target with tenants is refused, untouched; --force replaces it.
      await expect(restoreFrom(target, { dataDir }, backupFile, { migrations: sources })).rejects.toBeInstanceOf(RestoreRefused);
      await restoreFrom(target, { dataDir }, backupFile, { migrations: sources, force: true });
      expect(await snapshot(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it.runIf(!!process.env.DATABASE_URL)('restores as a database owner that is not a superuser (foreign-key order, triggers on)', async () => {
    const name = `yakuba_nonsuper_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${name} LOGIN CREATEROLE`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.username = name;
    url.pathname = `/${name}`;
    const target = await openDatabase({ databaseUrl: url.toString() });
    try {
      await restoreFrom(target, { dataDir: join(work, 'nonsuper') }, backupFile, { migrations: sources });
      expect(await snapshot(target)).toEqual(before);
    } finally {
      await target.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${name}`);
      await admin.end();
    }
  });

  it('rolls back completely when the backup is truncated', async () => {
    const cut = join(work, 'cut.jsonl.gz');
    const text = await new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      createReadStream(backupFile).pipe(createGunzip()).on('data', (b: Buffer) => parts.push(b)).on('end', () => resolve(Buffer.concat(parts).toString('utf8'))).on('error', reject);
    });
    const lines = text.split('\n');
    await pipeline(Readable.from([lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n']), createGzip(), createWriteStream(cut));
    const target = await openDatabase({});
    const dataDir = join(work, 'cut-target');
    try {
      await expect(restoreFrom(target, { dataDir }, cut, { migrations: sources })).rejects.toThrow(/truncated|inconsistent/);
      const [n] = await target.rawTransaction((c) => c.query<{ n: number }>('select count(*)::int as n from tenants'));
      expect(n!.n).toBe(0);
      expect(listFiles(filesDir({ dataDir }))).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = join(work, 'bogus.gz');
    await pipeline(Readable.from(['{"kind":"something"}\n']), createGzip(), createWriteStream(bogus));
    const target = await openDatabase({});
    try {
      await expect(restoreFrom(target, { dataDir: join(work, 'x') }, bogus)).rejects.toBeInstanceOf(RestoreRefused);
    } finally {
      await target.close();
    }
  });
});
