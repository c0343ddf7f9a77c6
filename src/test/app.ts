import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp, type BuildOptions, type Yakuba } from '../app.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import { migrate } from '../core/db/migrate.ts';
import { modules } from '../modules/index.ts';

let snapshot: Promise<Blob> | undefined;

/**
 * An in-memory PGlite with every migration applied, made once per test process and copied for each
 * test database: creating a PGlite cluster costs about two seconds, loading a copy a fifth of that.
 */
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const db = await openDatabase({});
    await migrate(db, modules.filter((m) => m.migrations).map((m) => ({ owner: m.id, dir: m.migrations! })));
    const blob = await db.pglite!.dumpDataDir('none');
    await db.close();
    return blob;
  })();
  return snapshot;
}

/**
 * A database for one test file: a fresh PostgreSQL database when DATABASE_URL is set (dropped on
 * close), otherwise an in-memory PGlite.
 */
export async function testDatabase(): Promise<Database & { url?: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) return openDatabase({ loadDataDir: await migratedSnapshot() });
  const name = `yakuba_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  const close = db.close;
  return Object.assign(db, {
    url: url.toString(),
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  });
}

/** A whole platform on a fresh test database, with jobs stopped (tests drive them) and quiet logs. */
export async function testApp(options: BuildOptions = {}): Promise<Yakuba & { db: Database }> {
  const db = options.db ?? await testDatabase();
  const yakuba = await buildApp({
    ...options,
    db,
    config: { logLevel: 'silent', jobsEnabled: false, secretKey: 'test-secret-key-0123456789abcdef', dataDir: `/tmp/yakuba-test-${randomBytes(4).toString('hex')}`, ...options.config },
  }).catch(async (err) => {
    if (!options.db) await db.close();
    throw err;
  });
  return {
    ...yakuba,
    db,
    close: async () => {
      await yakuba.close();
      if (!options.db) await db.close();
    },
  };
}

/**
 * A test app with the two demo tenants, listening on a real port with BASE_URL pointing at it:
 * for flows that cross real HTTP redirects (OIDC, emailed links).
 */
export async function listeningTestApp(): Promise<{ y: Yakuba & { db: Database }; origin: string; tenantId: string }> {
  const y = await testApp();
  await y.db.rows(sql`insert into tenants (slug, name_ja, name_en, lg_code) values
    ('tokushima', '徳島市', 'Tokushima', '362018'), ('matsusaka', '松阪市', 'Matsusaka', '242047')`);
  await y.tenants.reload();
  const tenantId = (await y.tenants.bySlugName('tokushima'))!.id;
  await y.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(y.app.server.address() as AddressInfo).port}`;
  y.platform.config.baseUrl = origin; // emailed links and the OIDC redirect URI are built from it
  return { y, origin, tenantId };
}
