import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Platform } from '../platform.ts';
import { tenantOf } from '../http/types.ts';
import { AUDIT_READ, searchAudit } from './search.ts';
import { errorResponses, Instant, Nullable, tags } from '../http/schemas.ts';

// A date (a day in JST) or an instant.
const DATE = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';

/** A `from`/`to` bound: a bare date is that day in JST, and `to` includes the whole day. */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (value.length > 10) return new Date(value);
  const day = new Date(`${value}T00:00:00+09:00`);
  return end ? new Date(day.getTime() + 86_400_000) : day;
}

const Query = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100, description: 'Dotted verb, e.g. `core.user.update`' })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  targetType: Type.Optional(Type.String({ maxLength: 100 })),
  targetId: Type.Optional(Type.String({ maxLength: 200 })),
  personalData: Type.Optional(Type.Boolean({ description: 'Only entries that read or changed personal data' })),
  from: Type.Optional(Type.String({ pattern: DATE, description: 'A day (JST) or an instant' })),
  to: Type.Optional(Type.String({ pattern: DATE, description: 'A day (JST, included) or an instant' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Free text searched in the entries' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

/** An entry as presentAuditRow shows it. */
const AuditItem = Type.Object({
  chain: Type.Integer({ description: 'Which of the tenant\'s hash chains (AUDIT_CHAINS) holds the entry' }),
  seq: Type.Integer({ description: 'Position in that hash chain' }),
  at: Instant(),
  actor: Type.Object({ kind: Type.String({ description: '`staff`, `citizen`, `system` or `anonymous`' }), id: Nullable(Type.String()) }),
  action: Type.String({ description: 'Dotted verb, e.g. `auth.login`, `core.role.update`' }),
  target: Type.Object({ type: Nullable(Type.String()), id: Nullable(Type.String()) }),
  personalData: Type.Boolean({ description: 'The action read or changed personal data (個人情報)' }),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'Action-specific details' }),
  ip: Nullable(Type.String()),
  hash: Type.String({ description: 'Hash chaining this entry to the previous one (tamper evidence)' }),
});

/** Admin API of the audit log: search, newest first (GET /api/admin/core/audit). */
export const auditRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/admin/core/audit', {
    schema: {
      tags: tags('admin: audit'), summary: 'Search the audit log (監査ログ), newest first; the search is itself logged',
      querystring: Query,
      response: { 200: Type.Object({ total: Type.Integer({ description: 'Entries matching, over all pages' }), items: Type.Array(AuditItem) }), ...errorResponses(400, 403) },
    },
    config: { permission: AUDIT_READ },
  }, async (req) => {
    const q = req.query;
    return searchAudit(platform, req.actor, tenantOf(req).id, {
      action: q.action, actorId: q.actorId, targetType: q.targetType, targetId: q.targetId,
      personalDataOnly: q.personalData, from: bound(q.from, false), to: bound(q.to, true),
      q: q.q, limit: q.limit, offset: q.offset,
    }, req.ip);
  });
};
