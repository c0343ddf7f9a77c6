import type { Actor, Platform, Tenant } from '../../core/platform.ts';

/** Who is asking, in which tenant, in which language: every service function takes one. */
export interface ServiceContext {
  platform: Platform;
  tenant: Tenant;
  actor: Actor;
  lang: 'ja' | 'en' | 'ja-easy';
  now?: Date;
}

/** The tenant's age rule for eligibility (setting `reservations.ageBasis`). */
export function ageBasisOf(tenant: Tenant): 'fiscal_year_end' | 'slot_date' {
  const modules = tenant.settings?.modules as Record<string, Record<string, unknown>> | undefined;
  return modules?.reservations?.ageBasis === 'slot_date' ? 'slot_date' : 'fiscal_year_end';
}
