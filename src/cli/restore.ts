import { resolve } from 'node:path';
import type { Command } from '../cli.ts';
import { openForCli, describeDatabase } from './context.ts';
import { restoreFrom, RestoreRefused } from '../core/backup/restore.ts';

/** `yakuba restore <file> [--force]`: brings an empty database and data directory back to a backup's state. */
export const command: Command = {
  usage: 'restore <file> [--force]',
  summary: 'restore a backup into an empty database (--force replaces existing data)',
  async run(args) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error('usage: yakuba restore <file> [--force]');
      return 2;
    }
    // openForCli applies the migrations of the core and every module, which is the schema restored into.
    const { config, db } = await openForCli();
    try {
      const s = await restoreFrom(db, config, resolve(file), { force: args.includes('--force') });
      console.log(`restored ${resolve(file)} into ${describeDatabase(config)}: ${s.tables} tables, ${s.rows} rows, ${s.files} files`);
    } catch (err) {
      if (err instanceof RestoreRefused) {
        console.error(`yakuba restore: ${err.message}`);
        return 2;
      }
      throw err;
    } finally {
      await db.close();
    }
  },
};
