import type { ActionContext } from '../actions.ts';
import type { WriteContext } from '../../datasets/service.ts';

/** The service context of an action: who, where, and the client's address for the audit log. */
export const writeContext = (ctx: ActionContext): WriteContext => ({ platform: ctx.platform, tenant: ctx.tenant, actor: ctx.actor, base: ctx.base, ip: ctx.req.ip });
