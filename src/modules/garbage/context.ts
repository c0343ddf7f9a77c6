import type { Actor, Platform, Tenant } from '../../core/platform.ts';
import type { GarbageLang } from './engine/types.ts';

/** Who is asking, in which tenant, in which language: every service function takes one. */
export interface ServiceContext {
  platform: Platform;
  tenant: Tenant;
  actor: Actor;
  /** Content language; garbage data speaks more languages than the platform's messages. */
  lang: GarbageLang;
  now?: Date;
}

/** The audit entry fields every garbage write shares (the data is not personal). */
export function auditOf(ctx: ServiceContext, action: string, targetType: string, targetId?: string, details?: Record<string, unknown>) {
  return { tenantId: ctx.tenant.id, actor: ctx.actor, action: `garbage.${action}`, targetType, ...(targetId ? { targetId } : {}), ...(details ? { details } : {}) };
}
