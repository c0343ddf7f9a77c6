import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../test/app.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import { command as tenant } from './tenant.ts';
import { command as user } from './user.ts';
import { command as seed } from './seed.ts';

/** Runs a CLI command and returns its exit code and what it printed. */
async function run(cmd: typeof tenant, args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => { out.push(a.join(' ')); });
  try {
    return { code: (await cmd.run(args)) ?? 0, out: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('yakuba tenant / user / seed', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR, SECRET_KEY: process.env.SECRET_KEY };
  let dir: string;
  let pgDb: (Database & { url?: string }) | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yakuba-cli-'));
    process.env.DATA_DIR = dir;
    process.env.SECRET_KEY = 'cli-test-secret-0123456789abcdef';
    if (saved.DATABASE_URL) {
      pgDb = await testDatabase();
      process.env.DATABASE_URL = pgDb.url;
    }
  });
  afterAll(async () => {
    Object.assign(process.env, saved);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    await pgDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const query = async <T>(q: ReturnType<typeof sql>) => {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dir });
    try { return await db.rows<T>(q); } finally { await db.close(); }
  };

  it('creates and lists tenants, refusing a bad 地方公共団体コード', async () => {
    const bad = await run(tenant, ['create', '--slug', 'naruto', '--name-ja', '鳴門市', '--name-en', 'Naruto City', '--lg-code', '362020']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('lgCode');
    const ok = await run(tenant, ['create', '--slug', 'naruto', '--name-ja', '鳴門市', '--name-en', 'Naruto City', '--lg-code', '362026']);
    expect(ok.code).toBe(0);
    const list = await run(tenant, ['list']);
    expect(list.out).toMatch(/naruto\s+362026\s+鳴門市/);
  });

  it('creates a user with a generated password, and refuses a duplicate', async () => {
    const res = await run(user, ['create', '--tenant', 'naruto', '--email', 'Admin@Naruto.example.jp', '--name', '管理者', '--admin']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/password \(shown only once\): \S{16}/);
    const [row] = await query<{ email: string; is_tenant_admin: boolean; password_hash: string }>(sql`select email, is_tenant_admin, password_hash from staff_users`);
    expect(row).toMatchObject({ email: 'admin@naruto.example.jp', is_tenant_admin: true });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await run(user, ['create', '--tenant', 'naruto', '--email', 'admin@naruto.example.jp', '--name', 'x'])).code).toBe(1);
    expect((await run(user, ['create', '--tenant', 'nowhere', '--email', 'a@b.jp', '--name', 'x'])).code).toBe(1);
  });

  it('seeds nothing once a tenant exists', async () => {
    const res = await run(seed, []);
    expect(res.code).toBe(0);
    expect(res.out).toContain('nothing seeded');
  });
});
