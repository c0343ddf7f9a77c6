import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/http/errors.ts';
import { tenantOf } from '../../core/http/types.ts';
import type { Platform } from '../../core/platform.ts';
import type { ServiceContext } from './context.ts';
import { garbageLangOf } from './texts.ts';

/** `?lang=` of garbage routes: any of GARBAGE_LANGS. */
export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'Content language: ja, ja-easy, en, zh-Hans, ko, vi, pt, ne (falls back to en, then ja)' })) });
/** Path parameter of one record. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The service context of a request: tenant, actor and content language. */
export function contextOf(platform: Platform, req: FastifyRequest): ServiceContext {
  const lang = garbageLangOf((req.query as { lang?: string } | undefined)?.lang, req.cookies?.lang, req.lang);
  return { platform, tenant: tenantOf(req), actor: req.actor, lang };
}

/** AJV's `/rules/2/pattern` as `rules[2].pattern`, plus the missing or unexpected property. */
export function bracketField(v: { instancePath?: string; params?: Record<string, unknown> }, context: string): string {
  const parts = (v.instancePath ?? '').split('/').filter(Boolean);
  const extra = (v.params?.missingProperty ?? v.params?.additionalProperty) as string | undefined;
  if (extra) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || context;
}

/**
 * Names fields of schema errors the way the services do (`rules[2].pattern.weekday`), so a client sees
 * one notation whichever layer refused: every route of the plugin validates into the request and a
 * preHandler turns the first error into the 400.
 */
export function bracketValidationErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => { route.attachValidation = true; });
  app.addHook('preHandler', async (req) => {
    const err = (req as FastifyRequest & { validationError?: Error & { validation?: { instancePath?: string; params?: Record<string, unknown>; message?: string; keyword?: string }[]; validationContext?: string } }).validationError;
    if (!err) return;
    const v = err.validation?.[0] ?? {};
    const field = bracketField(v, err.validationContext ?? 'body');
    if (v.keyword === 'required') throw new AppError(400, 'invalid', 'error.field_required', { field }, field);
    throw new AppError(400, 'invalid', 'error.validation', { field, detail: v.message ?? 'invalid' }, field);
  });
}
