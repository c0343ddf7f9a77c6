import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { txRows } from '../../db/tenant-tx.ts';
import { AppError, invalid } from '../../http/errors.ts';

/** A tenant's OIDC provider, as kept in `tenants.settings.oidc` (clientSecret sealed with SECRET_KEY). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
  label: { ja: string; en: string };
  /** Asked for in `acr_values`, e.g. an assurance level backed by the My Number card. */
  acrValues?: string[];
}

/** Scopes asked for when the administrator names none. */
export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

const SEALED = 'enc:v1:';

function sealKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'yakuba', 'oidc-client-secret', 32));
}

/** Encrypts a client secret (AES-256-GCM, key derived from SECRET_KEY) so tenant settings never hold it in clear. */
export function sealClientSecret(plain: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secretKey), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
}

/** Decrypts a sealed client secret; a value stored in clear (set directly in the database) passes through. */
export function openClientSecret(stored: string, secretKey: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const [iv, tag, ct] = stored.slice(SEALED.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealKey(secretKey), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Whether plain-http requests to this issuer may be allowed: only a provider on this machine (tests, development). */
export function isLocalIssuer(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/** Checks an issuer URL: https, or http on localhost only; 400 on the field otherwise. */
export function parseIssuer(raw: string, field = 'issuer'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(field, 'not a URL');
  }
  if (url.search || url.hash || url.username || url.password) throw invalid(field, 'no query, fragment or credentials');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalIssuer(url))) {
    throw new AppError(400, 'invalid', 'error.oidc_issuer_insecure', {}, field);
  }
  return url;
}

/** The error for a tenant that has no OIDC provider configured. */
export const oidcNotConfigured = () => new AppError(404, 'oidc_not_configured', 'error.oidc_not_configured');

function fromJson(v: unknown): OidcSettings | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.issuer !== 'string' || typeof o.clientId !== 'string' || !o.issuer || !o.clientId) return null;
  const label = (o.label ?? {}) as Record<string, unknown>;
  return {
    issuer: o.issuer,
    clientId: o.clientId,
    clientSecret: typeof o.clientSecret === 'string' && o.clientSecret ? o.clientSecret : undefined,
    scopes: Array.isArray(o.scopes) && o.scopes.length ? o.scopes.map(String) : DEFAULT_SCOPES,
    label: { ja: String(label.ja ?? ''), en: String(label.en ?? '') },
    acrValues: Array.isArray(o.acrValues) && o.acrValues.length ? o.acrValues.map(String) : undefined,
  };
}

/** Reads the tenant's OIDC settings fresh from the database (other processes may have changed them); null when none. */
export async function readOidcSettings(tx: Tx, tenantId: string): Promise<OidcSettings | null> {
  const [row] = await txRows<{ oidc: unknown }>(tx, sql`select settings->'oidc' as oidc from tenants where id = ${tenantId}`);
  const raw = typeof row?.oidc === 'string' ? JSON.parse(row.oidc) : row?.oidc;
  return fromJson(raw);
}

/** Stores the tenant's OIDC settings (null removes them); the app role may update only its own tenant's settings. */
export async function writeOidcSettings(tx: Tx, tenantId: string, settings: OidcSettings | null): Promise<void> {
  if (settings === null) {
    await txRows(tx, sql`update tenants set settings = settings - 'oidc' where id = ${tenantId}`);
    return;
  }
  await txRows(tx, sql`update tenants set settings = jsonb_set(settings, '{oidc}', ${JSON.stringify(settings)}::jsonb, true) where id = ${tenantId}`);
}
