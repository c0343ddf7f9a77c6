import { createHmac } from 'node:crypto';
import type { Platform } from '../../platform.ts';
import { AppError } from '../../http/errors.ts';
import { verifyPassword } from '../passwords.ts';
import { createSession } from '../sessions.ts';
import { normaliseEmail, type CitizenRequestContext } from './context.ts';
import { presentCitizen, type CitizenProfile } from './presenter.ts';
import * as repo from './repo.ts';

/** Failed password sign-ins before the account locks, and for how long. */
export const CITIZEN_LOCKOUT = { maxFailures: 5, minutes: 15 };

/** A new session to put in cookies. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** What a sign-in attempt came to: the session, or the error to answer once the audit entry is committed. */
export type LoginOutcome =
  | { ok: true; session: NewSession; profile: CitizenProfile }
  | { ok: false; error: AppError };

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'error.invalid_credentials');
const locked = (minutes = CITIZEN_LOCKOUT.minutes) => new AppError(423, 'locked', 'error.locked', { minutes });

/** A keyed fingerprint of an address nobody is registered under: failures group without the address being kept. */
const emailFingerprint = (email: string, key: string) => createHmac('sha256', key).update(`citizen-login:${email}`).digest('hex').slice(0, 16);

/**
 * Signs a citizen in with email and password. Failures are counted (lockout after 5 for 15 minutes) and
 * audited in the same transaction, which therefore commits: the caller throws `error` afterwards.
 * The unverified-email answer comes only after a correct password, so it reveals nothing to a guesser.
 */
export async function loginWithPassword(platform: Platform, ctx: CitizenRequestContext, input: { email: string; password: string }): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email);
  const tenantId = ctx.tenant.id;
  return platform.inTenant(tenantId, async (tx): Promise<LoginOutcome> => {
    const fail = async (reason: string, citizenId: string | null, error: AppError): Promise<LoginOutcome> => {
      await platform.audit.record(tx, {
        tenantId, actor: { kind: 'anonymous', id: null }, action: 'auth.citizen.login_failed',
        targetType: 'citizen', targetId: citizenId ?? undefined, ip: ctx.ip,
        details: { reason, method: 'password', ...(citizenId ? {} : { emailFingerprint: emailFingerprint(email, platform.config.secretKey) }) },
      });
      return { ok: false, error };
    };
    const citizen = await repo.findCitizenByEmail(tx, email, true);
    if (!citizen || citizen.disabled || !citizen.password_hash) {
      await verifyPassword(null, input.password); // same time as a real check
      return fail(citizen ? (citizen.disabled ? 'disabled' : 'no_password') : 'unknown_email', citizen?.id ?? null, invalidCredentials());
    }
    const passwordOk = await verifyPassword(citizen.password_hash, input.password);
    if (citizen.locked_until && citizen.locked_until.getTime() > Date.now()) {
      // Only someone who knows the password learns that the account is locked.
      const minutes = Math.max(1, Math.ceil((citizen.locked_until.getTime() - Date.now()) / 60_000));
      return fail('locked', citizen.id, passwordOk ? locked(minutes) : invalidCredentials());
    }
    if (!passwordOk) {
      const { locked: nowLocked } = await repo.recordLoginFailure(tx, citizen.id, CITIZEN_LOCKOUT.maxFailures, CITIZEN_LOCKOUT.minutes);
      return fail(nowLocked ? 'bad_password_locked' : 'bad_password', citizen.id, invalidCredentials());
    }
    if (!citizen.email_verified_at) {
      return fail('email_unverified', citizen.id, new AppError(403, 'email_unverified', 'error.email_unverified', {}, 'email'));
    }
    await repo.recordLoginSuccess(tx, citizen.id);
    const session = await createSession(tx, { tenantId, subjectKind: 'citizen', subjectId: citizen.id, ip: ctx.ip, userAgent: ctx.userAgent });
    await platform.audit.record(tx, {
      tenantId, actor: { kind: 'citizen', id: citizen.id }, action: 'auth.citizen.login',
      targetType: 'citizen', targetId: citizen.id, ip: ctx.ip, details: { method: 'password' },
    });
    return { ok: true, session, profile: presentCitizen(citizen, await repo.listIdentities(tx, citizen.id)) };
  });
}
