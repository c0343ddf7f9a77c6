import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { AppError } from '../http/errors.ts';

/** Shortest password accepted for staff accounts. */
export const MIN_PASSWORD_LENGTH = 10;

const ARGON2ID = 2 as Algorithm;

/** Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

let dummyHash: Promise<string> | null = null;

/** Checks a password against a stored hash; with no hash, spends the same time on a dummy and says no. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Throws 400 `password_weak` on the given field unless the password is long enough. */
export function assertStrongPassword(password: string, field = 'password'): void {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError(400, 'password_weak', 'error.password_weak', { min: MIN_PASSWORD_LENGTH }, field);
  }
}

/** A random password for new accounts and demo logins: 16 characters, no look-alike letters. */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
