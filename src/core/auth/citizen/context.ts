import type { FastifyRequest } from 'fastify';
import type { Platform, Tenant } from '../../platform.ts';
import type { Lang } from '../../i18n/index.ts';
import { tenantOf } from '../../http/types.ts';
import { invalid } from '../../http/errors.ts';
import { revokeSession } from '../sessions.ts';

/** What the citizen services need to know about the request they serve. */
export interface CitizenRequestContext {
  tenant: Tenant;
  ip: string | null;
  userAgent: string | null;
  lang: Lang;
}

/** The service context of a tenant request. */
export function contextOf(req: FastifyRequest): CitizenRequestContext {
  const ua = req.headers['user-agent'];
  return { tenant: tenantOf(req), ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, lang: req.lang };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** Lowercases and trims an email address; 400 on the field when it is not one. */
export function normaliseEmail(raw: string, field = 'email'): string {
  const email = String(raw ?? '').trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw invalid(field, 'not an email address');
  return email;
}

/** Ends the session a request came with (if any) when a sign-in replaces it: no two live sessions per browser. */
export async function dropPreviousSession(platform: Platform, req: FastifyRequest): Promise<void> {
  const previous = req.actor?.sessionId;
  if (previous && req.tenant) await platform.inTenant(req.tenant.id, (tx) => revokeSession(tx, previous));
}
