import type { Actor, Platform } from '../platform.ts';
import { assertCan } from '../auth/access.ts';
import { searchAuditRows, type AuditFilters } from './repo.ts';
import { presentAuditRow, type AuditItem } from './presenter.ts';

/** Permission to read the audit log. */
export const AUDIT_READ = 'core.audit.read';

/** Searches the tenant's audit log for the audit screen; the search itself is written to the log. */
export async function searchAudit(platform: Platform, actor: Actor, tenantId: string, filters: AuditFilters, ip?: string | null): Promise<{ total: number; items: AuditItem[] }> {
  assertCan(actor, AUDIT_READ);
  return platform.inTenant(tenantId, async (tx) => {
    const { total, rows } = await searchAuditRows(tx, filters);
    await platform.audit.record(tx, {
      tenantId,
      actor: { kind: actor.kind, id: actor.id },
      action: 'core.audit.read',
      targetType: 'audit_log',
      // The log holds personal data (who did what), so reading it is itself a personal-data read.
      personalData: true,
      details: { filters: { ...filters, from: filters.from?.toISOString(), to: filters.to?.toISOString() }, returned: rows.length },
      ip: ip ?? null,
    });
    return { total, items: rows.map(presentAuditRow) };
  });
}
