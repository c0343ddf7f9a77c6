import { sql } from 'drizzle-orm';
import type { Command } from '../cli.ts';
import { openForCli, describeDatabase } from './context.ts';
import { verifyAudit } from '../core/audit/verify.ts';

const REASONS = {
  changed: 'entry changed',
  removed: 'entry removed (or the previous one rewritten)',
  tail_removed: 'entries removed at the end of the log',
  head_mismatch: 'chain head does not match the last entry',
} as const;

/** `yakuba audit verify [--tenant slug]`: checks the hash chains; exits 1 naming the tenant and seq when broken. */
export const command: Command = {
  usage: 'audit verify [--tenant slug]',
  summary: 'verify the hash chain of the audit log',
  async run(args) {
    if (args[0] !== 'verify') {
      console.error('usage: yakuba audit verify [--tenant slug]');
      return 2;
    }
    const i = args.indexOf('--tenant');
    const slug = i >= 0 ? args[i + 1] : undefined;
    const { config, db } = await openForCli();
    try {
      let tenantId: string | undefined;
      if (slug) {
        const [t] = await db.rows<{ id: string }>(sql`select id from tenants where slug = ${slug}`);
        if (!t) {
          console.error(`yakuba audit verify: no tenant "${slug}" in ${describeDatabase(config)}`);
          return 2;
        }
        tenantId = t.id;
      }
      const reports = await verifyAudit(db, tenantId);
      let broken = 0;
      for (const r of reports) {
        if (r.ok) {
          console.log(`ok      ${r.slug}: ${r.entries} entries`);
        } else {
          broken += 1;
          console.log(`BROKEN  ${r.slug}: at ${r.broken!.chain ? `chain ${r.broken!.chain} ` : ''}seq ${r.broken!.seq}: ${REASONS[r.broken!.reason]} (${r.entries} entries verified before it)`);
        }
      }
      if (!reports.length) console.log('no tenants');
      return broken ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
