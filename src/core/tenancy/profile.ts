import { sql } from 'drizzle-orm';
import type { Actor, Platform, Tenant } from '../platform.ts';
import { invalid } from '../http/errors.ts';

/** How citizens who do not use the internet reach the city: shown on the portal's home page. */
export interface TenantContact {
  phone: string | null;
  hours: { ja: string; en: string } | null;
}

const PHONE = /^[0-9+][0-9-]{5,20}$/;

/** The contact kept in the tenant's settings, or nulls. */
export function contactOf(tenant: Tenant): TenantContact {
  const c = (tenant.settings.contact ?? {}) as Partial<TenantContact>;
  return { phone: c.phone ?? null, hours: c.hours ?? null };
}

/** Stores the tenant's counter contact after checking it; audited. */
export async function updateContact(platform: Platform, tenantId: string, actor: Actor, input: { phone?: string | null; hoursJa?: string; hoursEn?: string }): Promise<TenantContact> {
  const phone = input.phone?.trim() || null;
  if (phone && !PHONE.test(phone.normalize('NFKC'))) throw invalid('phone', 'digits and hyphens, e.g. 088-000-0000');
  const contact: TenantContact = {
    phone: phone ? phone.normalize('NFKC') : null,
    hours: input.hoursJa?.trim() ? { ja: input.hoursJa.trim(), en: input.hoursEn?.trim() || input.hoursJa.trim() } : null,
  };
  await platform.inTenant(tenantId, async (tx) => {
    await tx.execute(sql`update tenants set settings = settings || jsonb_build_object('contact', ${JSON.stringify(contact)}::jsonb) where id = ${tenantId}`);
    await platform.audit.record(tx, { tenantId, actor, action: 'core.tenant.contact.update', targetType: 'tenant', targetId: tenantId, details: { ...contact } });
  });
  return contact;
}
