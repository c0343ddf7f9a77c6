import type { FastifyRequest } from 'fastify';
import type { Actor, Platform, Tenant } from '../../../core/platform.ts';
import type { Lang } from '../../../core/i18n/index.ts';
import { tenantOf } from '../../../core/http/types.ts';

/** Who is asking, in which tenant: every submissions service function takes one. */
export interface SubmissionContext {
  platform: Platform;
  tenant: Tenant;
  actor: Actor;
  ip: string | null;
  /** Language of messages (ja or en). */
  lang: Lang;
  now?: Date;
}

/** The service context of a request. */
export function contextOf(platform: Platform, req: FastifyRequest): SubmissionContext {
  return { platform, tenant: tenantOf(req), actor: req.actor, ip: req.ip ?? null, lang: req.lang };
}

/** The actor as the audit log and history name it. */
export function actorRef(actor: Actor): Pick<Actor, 'kind' | 'id'> {
  return { kind: actor.kind, id: actor.id };
}
