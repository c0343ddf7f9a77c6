import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testApp, testDatabase } from '../../test/app.ts';
import { openDatabase, type Database } from '../db/connection.ts';
import { withSystem } from '../db/tenant-tx.ts';

const BIN = fileURLToPath(new URL('../../../bin/yakuba.js', import.meta.url));

/** Runs `yakuba …` against the given database and returns its exit code and output. */
function yakuba(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe('yakuba audit verify', () => {
  // PGlite on disk (the CLI opens it in its own process) or a fresh PostgreSQL database.
  const dataDir = `/tmp/yakuba-audit-cli-${randomBytes(4).toString('hex')}`;
  let db: Database & { url?: string };
  let env: Record<string, string>;

  beforeAll(async () => {
    db = process.env.DATABASE_URL ? await testDatabase() : await openDatabase({ dataDir });
    env = db.url ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir, DATABASE_URL: '' };
    const y = await testApp({ db });
    for (const slug of ['tokushima', 'matsusaka']) {
      const [{ id }] = await db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values (${slug}, ${slug}, ${slug}, '362018') returning id`);
      for (let i = 0; i < 3; i++) await y.platform.inTenant(id, (tx) => y.platform.audit.record(tx, { tenantId: id, actor: { kind: 'system', id: null }, action: 'test.entry', details: { i } }));
    }
    await y.close();
    if (!db.url) await db.close();
  });
  afterAll(async () => { if (db.url) await db.close(); });

  it('exits 0 on intact chains and 1 naming the tenant and seq once an entry is changed', async () => {
    const ok = await yakuba(['audit', 'verify'], env);
    expect(ok.out).toMatch(/ok\s+tokushima: 3 entries/);
    expect(ok.code).toBe(0);

    const owner = db.url ? db : await openDatabase({ dataDir });
    await withSystem(owner, async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set action = 'test.forged' where seq = 2 and tenant_id = (select id from tenants where slug = 'matsusaka')`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    if (!db.url) await owner.close();

    const broken = await yakuba(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN\s+matsusaka: at seq 2: entry changed/);
    const one = await yakuba(['audit', 'verify', '--tenant', 'tokushima'], env);
    expect(one.code).toBe(0);
    expect(one.out).not.toContain('matsusaka');
  });
});
