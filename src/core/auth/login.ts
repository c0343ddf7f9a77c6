import type { Platform, Tenant } from '../platform.ts';
import type { Tx } from '../db/connection.ts';
import { AppError } from '../http/errors.ts';
import { createSession } from './sessions.ts';
import { verifyPassword } from './passwords.ts';
import { openTotpSecret, verifyTotp } from './totp.ts';
import { findStaffByEmail, registerLoginFailure, registerLoginSuccess, type StaffAuthRow } from './staff-repo.ts';

/** Failed sign-ins before an account locks, and for how long. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** Who is signing in from where. */
export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  ip: string | null;
  userAgent: string | null;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'error.invalid_credentials', {}, 'password');

async function fail(platform: Platform, tx: Tx, tenantId: string, user: StaffAuthRow | null, input: LoginInput, reason: string, count: boolean): Promise<void> {
  let locked = false;
  if (user && count) locked = await registerLoginFailure(tx, user.id, lockoutPolicy.maxFailures, lockoutPolicy.lockMinutes);
  await platform.audit.record(tx, {
    tenantId, actor: { kind: user ? 'staff' : 'anonymous', id: user?.id ?? null }, action: 'auth.login_failed',
    targetType: 'staff_user', targetId: user?.id, personalData: true, details: { email: input.email, reason, locked }, ip: input.ip,
  });
}

/**
 * Password (+ TOTP) sign-in of a staff member. Unknown emails cost the same hashing time and get the same
 * answer as wrong passwords; a locked account says so only to someone who knows the password.
 * Failures are committed (counted and audited) before the error is thrown.
 */
export async function loginStaff(platform: Platform, tenant: Tenant, input: LoginInput) {
  const email = input.email.trim().toLowerCase();
  const outcome = await platform.inTenant(tenant.id, async (tx) => {
    const user = await findStaffByEmail(tx, email);
    const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user) {
      await fail(platform, tx, tenant.id, null, input, 'unknown_email', false);
      return { error: invalidCredentials() };
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      await fail(platform, tx, tenant.id, user, input, 'locked', false);
      const minutes = Math.max(1, Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000));
      return { error: passwordOk ? new AppError(423, 'locked', 'error.locked', { minutes }) : invalidCredentials() };
    }
    if (!passwordOk) {
      await fail(platform, tx, tenant.id, user, input, 'password', true);
      return { error: invalidCredentials() };
    }
    if (user.disabled) {
      await fail(platform, tx, tenant.id, user, input, 'disabled', false);
      return { error: invalidCredentials() };
    }
    let step: number | null = null;
    if (user.totp_enabled && user.totp_secret) {
      if (!input.totp) return { error: new AppError(401, 'totp_required', 'error.totp_required', {}, 'totp') };
      step = verifyTotp(openTotpSecret(user.totp_secret, platform.config.secretKey), input.totp.trim(), user.totp_last_step);
      if (step === null) {
        await fail(platform, tx, tenant.id, user, input, 'totp', true);
        return { error: new AppError(401, 'totp_invalid', 'error.totp_invalid', {}, 'totp') };
      }
    }
    await registerLoginSuccess(tx, user.id, step);
    const session = await createSession(tx, {
      tenantId: tenant.id, subjectKind: 'staff', subjectId: user.id, ip: input.ip, userAgent: input.userAgent,
      mfaPending: user.is_tenant_admin && !user.totp_enabled,
    });
    await platform.audit.record(tx, {
      tenantId: tenant.id, actor: { kind: 'staff', id: user.id }, action: 'auth.login', targetType: 'staff_user', targetId: user.id,
      details: { method: step === null ? 'password' : 'password+totp' }, ip: input.ip,
    });
    return { session, userId: user.id };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}
