import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../core/auth/sessions.ts';

/** How long a status-page access token lasts. */
export const ACCESS_TOKEN_TTL_MS = 3600_000;

const sign = (secret: string, tenantId: string, receipt: string, exp: number) =>
  createHmac('sha256', secret).update(`applications.lookup:${tenantId}:${receipt}:${exp}`).digest('base64url');

/** A token for one submission's status page: expiry and an HMAC of tenant, receipt number and expiry (nothing stored). */
export function issueAccessToken(secret: string, tenantId: string, receipt: string, now = Date.now()): string {
  const exp = Math.floor((now + ACCESS_TOKEN_TTL_MS) / 1000);
  return `${exp}.${sign(secret, tenantId, receipt, exp)}`;
}

/** Whether a token opens this submission's status page now. */
export function checkAccessToken(secret: string, tenantId: string, receipt: string, token: string | undefined, now = Date.now()): boolean {
  const m = /^(\d{1,12})\.([\w-]{43})$/.exec(token ?? '');
  if (!m) return false;
  const exp = Number(m[1]);
  if (exp * 1000 <= now) return false;
  return safeEqual(m[2], sign(secret, tenantId, receipt, exp));
}
