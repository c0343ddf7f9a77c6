import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Platform, Tenant } from '../../platform.ts';
import type { TenantRegistry } from '../../tenancy/registry.ts';
import { tenantOf } from '../../http/types.ts';
import { invalid } from '../../http/errors.ts';
import { clearProviderCache } from './client.ts';
import { callbackUrl } from './service.ts';
import { errorResponses, tags } from '../../http/schemas.ts';
import { DEFAULT_SCOPES, parseIssuer, readOidcSettings, sealClientSecret, writeOidcSettings, type OidcSettings } from './settings.ts';

/** The permission for editing the tenant's platform settings, OIDC included. */
export const SETTINGS_PERMISSION = 'core.settings.manage';

const Label = Type.Object({ ja: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 60 }) });
const Scope = Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}$' });

const TAGS = tags('admin: settings');

const View = Type.Object({
  configured: Type.Boolean({ description: 'Whether citizens can sign in through the provider' }),
  issuer: Type.Union([Type.String(), Type.Null()], { description: 'The provider\'s issuer URL, exactly as it publishes it' }),
  clientId: Type.Union([Type.String(), Type.Null()]),
  clientSecretSet: Type.Boolean({ description: 'Whether a client secret is stored (the secret itself is never shown)' }),
  scopes: Type.Array(Type.String(), { description: 'Requested scopes; the defaults when not configured' }),
  label: Type.Union([Label, Type.Null()], { description: 'Text of the sign-in button' }),
  acrValues: Type.Array(Type.String(), { description: 'Requested authentication context classes (`acr_values`); empty for none' }),
  /** What to register at the provider as the redirect URI. */
  redirectUri: Type.String({ description: 'The redirect URI to register at the provider' }),
});

const Body = Type.Object({
  issuer: Type.String({ minLength: 8, maxLength: 500 }),
  clientId: Type.String({ minLength: 1, maxLength: 300 }),
  /** Omitted: keep the stored secret; empty string: remove it (public client). */
  clientSecret: Type.Optional(Type.String({ maxLength: 1000 })),
  scopes: Type.Optional(Type.Array(Scope, { maxItems: 20 })),
  label: Label,
  acrValues: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 })),
}, { additionalProperties: false });

/** Settings → view, never the client secret itself. */
function present(s: OidcSettings | null, platform: Platform, tenant: Tenant) {
  return {
    configured: Boolean(s),
    issuer: s?.issuer ?? null,
    clientId: s?.clientId ?? null,
    clientSecretSet: Boolean(s?.clientSecret),
    scopes: s?.scopes ?? DEFAULT_SCOPES,
    label: s?.label ?? null,
    acrValues: s?.acrValues ?? [],
    redirectUri: callbackUrl(platform.config.baseUrl, tenant),
  };
}

/** The tenant's OIDC provider settings under /api/admin/core/oidc (permission core.settings.manage). */
export const oidcAdminRoutes: FastifyPluginAsync<{ platform: Platform; tenants: TenantRegistry }> = async (app, { platform, tenants }) => {
  app.get('/', {
    config: { permission: SETTINGS_PERMISSION },
    schema: { tags: TAGS, summary: 'The tenant\'s OIDC provider for citizen sign-in (外部ID連携)', response: { 200: View } },
  }, async (req) => {
    const tenant = tenantOf(req);
    return present(await platform.inTenant(tenant.id, (tx) => readOidcSettings(tx, tenant.id)), platform, tenant);
  });

  app.put('/', {
    config: { permission: SETTINGS_PERMISSION },
    schema: { tags: TAGS, summary: 'Configure the tenant\'s OIDC provider (外部ID連携)', body: Body, response: { 200: View, ...errorResponses(400, 403) } },
  }, async (req) => {
    const tenant = tenantOf(req);
    const body = req.body as { issuer: string; clientId: string; clientSecret?: string; scopes?: string[]; label: { ja: string; en: string }; acrValues?: string[] };
    parseIssuer(body.issuer);
    const issuer = body.issuer; // kept exactly as given: it must equal the `iss` the provider publishes
    const scopes = body.scopes?.length ? [...new Set(body.scopes)] : DEFAULT_SCOPES;
    if (!scopes.includes('openid')) throw invalid('scopes', 'must include openid');
    const saved = await platform.inTenant(tenant.id, async (tx) => {
      const before = await readOidcSettings(tx, tenant.id);
      const clientSecret = body.clientSecret === undefined
        ? (before?.clientId === body.clientId ? before.clientSecret : undefined)
        : body.clientSecret === '' ? undefined : sealClientSecret(body.clientSecret, platform.config.secretKey);
      const next: OidcSettings = { issuer, clientId: body.clientId, clientSecret, scopes, label: body.label, acrValues: body.acrValues?.length ? body.acrValues : undefined };
      await writeOidcSettings(tx, tenant.id, next);
      await platform.audit.record(tx, {
        tenantId: tenant.id, actor: { kind: req.actor.kind, id: req.actor.id }, action: 'core.oidc.update', targetType: 'tenant', targetId: tenant.id, ip: req.ip,
        details: { issuer, clientId: body.clientId, scopes, acrValues: next.acrValues ?? [], secretChanged: body.clientSecret !== undefined, previousIssuer: before?.issuer ?? null },
      });
      return next;
    });
    clearProviderCache();
    await tenants.reload();
    return present(saved, platform, tenant);
  });

  app.delete('/', {
    config: { permission: SETTINGS_PERMISSION },
    schema: { tags: TAGS, summary: 'Turn OIDC sign-in (外部ID連携) off for the tenant', response: { 200: View } },
  }, async (req) => {
    const tenant = tenantOf(req);
    await platform.inTenant(tenant.id, async (tx) => {
      const before = await readOidcSettings(tx, tenant.id);
      await writeOidcSettings(tx, tenant.id, null);
      await platform.audit.record(tx, {
        tenantId: tenant.id, actor: { kind: req.actor.kind, id: req.actor.id }, action: 'core.oidc.remove', targetType: 'tenant', targetId: tenant.id, ip: req.ip,
        details: { issuer: before?.issuer ?? null },
      });
    });
    clearProviderCache();
    await tenants.reload();
    return present(null, platform, tenant);
  });
};
