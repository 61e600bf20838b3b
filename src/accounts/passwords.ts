// Password hashing (argon2id, the OWASP-recommended parameters) and the rules a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { AccountsError } from './errors.ts';

export const MIN_PASSWORD_LENGTH = 10;
// argon2 hashes any length, but an unbounded one lets a single request buy seconds of CPU
export const MAX_PASSWORD_LENGTH = 256;

// @node-rs/argon2's own default algorithm is argon2id; memory 19 MiB, 2 passes, 1 lane (OWASP)
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AccountsError('weak_password', undefined, 'password');
  if (password.length > MAX_PASSWORD_LENGTH) throw new AccountsError('weak_password', undefined, 'password');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Spent on an unknown address too, so that the answer takes as long as for a wrong password.
let decoy: Promise<string> | undefined;
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('decoy password for unknown accounts', OPTIONS);
  await verifyPassword(await decoy, password);
}
