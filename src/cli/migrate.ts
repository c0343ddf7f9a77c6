import type { Command } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../core/db/connection.ts';
import { migrate } from '../core/db/migrate.ts';
import { modules } from '../modules/index.ts';
import { describeDatabase } from './context.ts';

/** `yakuba migrate`: applies pending migrations of the core and every module. */
export const command: Command = {
  usage: 'migrate',
  summary: 'apply pending database migrations',
  async run() {
    const config = loadConfig();
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(db, modules.filter((m) => m.migrations).map((m) => ({ owner: m.id, dir: m.migrations! })));
      console.log(applied.length ? `applied ${applied.length} migration(s) on ${describeDatabase(config)}:\n  ${applied.join('\n  ')}` : `up to date (${describeDatabase(config)})`);
    } finally {
      await db.close();
    }
  },
};
