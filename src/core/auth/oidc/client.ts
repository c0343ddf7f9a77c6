import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { isLocalIssuer, openClientSecret, type OidcSettings } from './settings.ts';

/** How long discovered provider metadata (and its JWKS cache) is reused before discovery runs again. */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** Seconds to wait for the provider's discovery, token and userinfo endpoints. */
const HTTP_TIMEOUT_S = 10;

const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>();

function cacheKey(s: OidcSettings, secret: string | undefined): string {
  // The secret enters the key only as a hash, so a rotated secret gets a fresh configuration.
  return [s.issuer, s.clientId, createHash('sha256').update(secret ?? '').digest('hex')].join('\n');
}

/**
 * The openid-client configuration of a tenant's provider: discovery runs once per issuer and client
 * and is cached. Plain-http issuers are allowed only on localhost (tests); openid-client refuses them otherwise.
 */
export async function providerConfiguration(settings: OidcSettings, secretKey: string): Promise<client.Configuration> {
  const secret = settings.clientSecret ? openClientSecret(settings.clientSecret, secretKey) : undefined;
  const key = cacheKey(settings, secret);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(settings.issuer);
  const insecureOk = issuer.protocol === 'http:' && isLocalIssuer(issuer);
  const config = client.discovery(
    issuer,
    settings.clientId,
    secret,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    { execute: insecureOk ? [client.allowInsecureRequests] : [], timeout: HTTP_TIMEOUT_S },
  );
  cache.set(key, { at: Date.now(), config });
  // A failed discovery is not remembered: the next sign-in tries again.
  config.catch(() => { if (cache.get(key)?.config === config) cache.delete(key); });
  return config;
}

/** Forgets cached provider configurations (after the administrator changes the settings, and in tests). */
export function clearProviderCache(): void {
  cache.clear();
}
