import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import { migrate } from '../core/db/migrate.ts';
import { modules } from '../modules/index.ts';

/** Opens the configured database with migrations applied, for CLI commands that work on data. */
export async function openForCli(overrides: Partial<Config> = {}): Promise<{ config: Config; db: Database }> {
  const config = loadConfig(process.env, overrides);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db, modules.filter((m) => m.migrations).map((m) => ({ owner: m.id, dir: m.migrations! })));
  return { config, db };
}

/** Human name of where the data lives, for messages. */
export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname})` : `embedded PGlite in ${config.dataDir}`;
}
