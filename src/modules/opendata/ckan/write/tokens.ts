import type { ActionDef } from '../actions.ts';
import { apiTokenIdOf, createApiToken, listApiTokens, revokeApiToken } from '../../../../core/auth/api-tokens.ts';
import { authError } from '../errors.ts';
import { fieldError } from '../../datasets/field-errors.ts';

/**
 * CKAN 2.10's API token actions over the core's tokens. Only the caller's own tokens: `user` / `user_id`
 * naming someone else is refused (a tenant administrator revokes others' tokens in the console).
 */

function assertSelf(ctx: Parameters<ActionDef['handler']>[0], params: Record<string, unknown>): void {
  if (ctx.actor.kind !== 'staff') throw authError('Access denied: staff only (職員のみ)');
  const user = params.user ?? params.user_id;
  if (user !== undefined && user !== ctx.actor.id) throw authError('Access denied: you may only manage your own API tokens (自分のAPIトークンだけを管理できます)');
}

export const tokenActions: ActionDef[] = [
  {
    name: 'api_token_list',
    help: 'Return the caller\'s API tokens (never the tokens themselves). :param user_id: ignored unless it names someone else (refused).',
    async handler(ctx, params) {
      assertSelf(ctx, params);
      return (await listApiTokens(ctx.platform, ctx.tenant.id, ctx.actor)).map((t) => ({
        id: t.id, name: t.name, user_id: ctx.actor.id, created_at: t.createdAt, last_access: t.lastUsedAt, expires_at: t.expiresAt,
      }));
    },
  },
  {
    name: 'api_token_create',
    help: 'Create an API token for the caller; the token appears only in this answer. :param name: what it is for (1–100). :param expires_in, unit: lifetime as expires_in × unit seconds (unit defaults to a day).',
    write: true,
    async handler(ctx, params) {
      assertSelf(ctx, params);
      let expiresInDays: number | null = null;
      if (params.expires_in !== undefined && params.expires_in !== null && params.expires_in !== '') {
        const n = Number(params.expires_in) * Number(params.unit ?? 86400);
        if (!Number.isFinite(n) || n <= 0) throw fieldError('expires_in', 'Must be a positive number', '正の数で指定してください');
        expiresInDays = Math.min(3650, Math.max(1, Math.ceil(n / 86400)));
      }
      const t = await createApiToken(ctx.platform, ctx.tenant.id, ctx.actor, { name: String(params.name ?? ''), expiresInDays }, ctx.req.ip);
      return { token: t.token, id: t.id, name: t.name, created_at: t.createdAt, expires_at: t.expiresAt };
    },
  },
  {
    name: 'api_token_revoke',
    help: 'Revoke one of the caller\'s API tokens. :param jti: the token\'s id, or :param token: the token itself.',
    write: true,
    async handler(ctx, params) {
      assertSelf(ctx, {});
      let id = typeof params.jti === 'string' ? params.jti : null;
      if (!id && typeof params.token === 'string') id = await apiTokenIdOf(ctx.platform, ctx.tenant.id, params.token);
      if (!id) throw fieldError('jti', 'Missing value: give jti (the token id) or token', 'jti（トークンID）か token を指定してください');
      await revokeApiToken(ctx.platform, ctx.tenant.id, ctx.actor, id, ctx.req.ip);
      return null;
    },
  },
];
