import { resolve } from 'node:path';
import type { Command } from '../cli.ts';
import { openForCli, describeDatabase } from './context.ts';
import { backupTo } from '../core/backup/dump.ts';

/** Default backup name: yakuba-backup-20260401T093000Z.jsonl.gz in the current directory. */
export function defaultBackupName(now = new Date()): string {
  return `yakuba-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.jsonl.gz`;
}

/** `yakuba backup [--out file]`: the whole installation (database and attachments) into one file. */
export const command: Command = {
  usage: 'backup [--out file]',
  summary: 'write the database and stored files to one backup file',
  async run(args) {
    const i = args.indexOf('--out');
    if (i >= 0 && !args[i + 1]) {
      console.error('usage: yakuba backup [--out file]');
      return 2;
    }
    const out = resolve(i >= 0 ? args[i + 1]! : defaultBackupName());
    const { config, db } = await openForCli();
    try {
      const started = Date.now();
      const s = await backupTo(db, config, out);
      console.log(`backup of ${describeDatabase(config)} written to ${s.path}`);
      console.log(`  ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.fileBytes} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (config.s3) console.log('  note: S3 is configured; objects in the bucket are not in this file — back the bucket up with its own tools.');
    } finally {
      await db.close();
    }
  },
};
