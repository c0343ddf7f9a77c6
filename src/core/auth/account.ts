import { randomBytes } from 'node:crypto';
import type { Actor, Platform, Tenant } from '../platform.ts';
import { AppError, invalid, unauthenticated } from '../http/errors.ts';
import { hashToken, revokeAllSessions, revokeSession } from './sessions.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpEnrolment, verifyTotp } from './totp.ts';
import { consumeResetToken, enableTotp, findStaffByEmail, findStaffById, insertResetToken, setPasswordHash, setPendingTotp } from './staff-repo.ts';

/** Lifetime of an emailed password-reset link. */
export const RESET_TOKEN_MINUTES = 60;

/** Ends the current session (no error when there is none). */
export async function logout(platform: Platform, tenant: Tenant, actor: Actor, ip: string | null): Promise<void> {
  if (!actor.sessionId || (actor.kind !== 'staff' && actor.kind !== 'citizen')) return;
  await platform.inTenant(tenant.id, async (tx) => {
    await revokeSession(tx, actor.sessionId!);
    await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind: actor.kind, id: actor.id }, action: 'auth.logout', targetType: actor.kind === 'staff' ? 'staff_user' : 'citizen', targetId: actor.id ?? undefined, ip });
  });
}

/** Ends every session of the signed-in person, on every device; returns how many. */
export async function logoutAll(platform: Platform, tenant: Tenant, actor: Actor, ip: string | null): Promise<number> {
  if (!actor.id || (actor.kind !== 'staff' && actor.kind !== 'citizen')) throw unauthenticated();
  const kind = actor.kind;
  return platform.inTenant(tenant.id, async (tx) => {
    const count = await revokeAllSessions(tx, kind, actor.id!);
    await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind, id: actor.id }, action: 'auth.logout_all', targetType: kind === 'staff' ? 'staff_user' : 'citizen', targetId: actor.id!, details: { sessions: count }, ip });
    return count;
  });
}

function staffId(actor: Actor): string {
  if (actor.kind !== 'staff' || !actor.id) throw unauthenticated();
  return actor.id;
}

/** Starts TOTP enrolment: a new secret (kept sealed, not yet active) with its otpauth URL and QR code. */
export async function startTotpSetup(platform: Platform, tenant: Tenant, actor: Actor) {
  const id = staffId(actor);
  return platform.inTenant(tenant.id, async (tx) => {
    const user = await findStaffById(tx, id);
    if (!user) throw unauthenticated();
    if (user.totp_enabled) throw new AppError(409, 'totp_already_enabled', 'error.conflict', { field: 'totp' }, 'totp');
    const secret = newTotpSecret();
    await setPendingTotp(tx, id, sealTotpSecret(secret, platform.config.secretKey));
    const { otpauthUrl, qrDataUrl } = await totpEnrolment(secret, user.email, `Yakuba ${tenant.nameJa}`);
    return { secret, otpauthUrl, qrDataUrl };
  });
}

/** Finishes enrolment: the first code from the app turns TOTP on. */
export async function confirmTotp(platform: Platform, tenant: Tenant, actor: Actor, code: string, ip: string | null): Promise<void> {
  const id = staffId(actor);
  await platform.inTenant(tenant.id, async (tx) => {
    const user = await findStaffById(tx, id);
    if (!user?.totp_secret || user.totp_enabled) throw invalid('code', 'no TOTP setup in progress');
    const step = verifyTotp(openTotpSecret(user.totp_secret, platform.config.secretKey), code.trim(), null);
    if (step === null) throw new AppError(400, 'totp_invalid', 'error.totp_invalid', {}, 'code');
    await enableTotp(tx, id, step);
    await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind: 'staff', id }, action: 'auth.totp.enable', targetType: 'staff_user', targetId: id, ip });
  });
}

/** Emails a single-use reset link when the address belongs to an active account; silent otherwise. */
export async function requestPasswordReset(platform: Platform, tenant: Tenant, email: string, lang: 'ja' | 'en', ip: string | null): Promise<void> {
  await platform.inTenant(tenant.id, async (tx) => {
    const user = await findStaffByEmail(tx, email);
    if (!user || user.disabled) return;
    const token = randomBytes(32).toString('base64url');
    await insertResetToken(tx, tenant.id, user.id, hashToken(token), RESET_TOKEN_MINUTES);
    const link = `${platform.config.baseUrl}/t/${tenant.slug}/admin/reset?token=${token}`;
    const name = lang === 'en' ? tenant.nameEn : tenant.nameJa;
    await platform.notify.email(tx, {
      tenantId: tenant.id,
      to: user.email,
      subject: lang === 'en' ? `[${name}] Reset your password` : `【${name}】パスワードの再設定`,
      text: lang === 'en'
        ? `Open this link within ${RESET_TOKEN_MINUTES} minutes to set a new password:\n${link}\n\nIf you did not ask for this, ignore this email.`
        : `次のリンクを${RESET_TOKEN_MINUTES}分以内に開いて、新しいパスワードを設定してください。\n${link}\n\n心当たりがない場合は、このメールを破棄してください。`,
    });
    await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind: 'anonymous', id: null }, action: 'auth.password_reset.request', targetType: 'staff_user', targetId: user.id, ip });
  });
}

/** Sets a new password with an emailed token (single use, 1 h) and signs the account out everywhere. */
export async function confirmPasswordReset(platform: Platform, tenant: Tenant, token: string, password: string, ip: string | null): Promise<void> {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await platform.inTenant(tenant.id, async (tx) => {
    const userId = await consumeResetToken(tx, hashToken(token));
    if (!userId) throw new AppError(400, 'token_invalid', 'error.token_invalid', {}, 'token');
    await setPasswordHash(tx, userId, passwordHash);
    const sessions = await revokeAllSessions(tx, 'staff', userId);
    await platform.audit.record(tx, { tenantId: tenant.id, actor: { kind: 'staff', id: userId }, action: 'auth.password_reset', targetType: 'staff_user', targetId: userId, details: { sessionsRevoked: sessions }, ip });
  });
}
