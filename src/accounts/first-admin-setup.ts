// The first system administrator, made in the browser while the server runs: the embedded
// database is open in one process only, so `users create-admin` would need the server stopped.
// While no active system administrator exists, the server writes a one-time token to
// `$DATA_DIR/setup-token` (0600: readable only by whoever runs the server, i.e. whoever could
// run the CLI anyway) and /setup makes an administrator for whoever types it. Once one exists,
// /setup answers 404 and the file is deleted. The check and the insert run under an advisory
// lock, so two instances on one PostgreSQL database cannot both make a "first" administrator.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { countSystemAdmins } from './user-admin-repository.ts';
import { insertGrant, insertUser, normaliseEmail, type UserRow } from './user-repository.ts';

export const SETUP_TOKEN_FILE = 'setup-token';
// any fixed number: the lock only has to be the same for every instance
const SETUP_LOCK = 4_815_162_342;

export const setupTokenPath = (dataDir: string) => path.join(dataDir, SETUP_TOKEN_FILE);

export async function setupIsOpen(db: Kysely<DB>): Promise<boolean> {
  return (await countSystemAdmins(db)) === 0;
}

/**
 * At start-up: with no active system administrator, makes sure a token file exists (keeping one
 * already there, so instances sharing DATA_DIR agree) and returns its path; otherwise removes a
 * stale one and returns null.
 */
export async function offerFirstAdminSetup(db: Kysely<DB>, dataDir: string): Promise<string | null> {
  const file = setupTokenPath(dataDir);
  if (!(await setupIsOpen(db))) {
    await rm(file, { force: true });
    return null;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await chmod(file, 0o600);
  }
  return file;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

async function tokenMatches(dataDir: string, typed: string): Promise<boolean> {
  let expected: string;
  try {
    expected = (await readFile(setupTokenPath(dataDir), 'utf8')).trim();
  } catch {
    return false;
  }
  // digests are of equal length, so the comparison takes the same time whatever was typed
  return expected.length > 0 && timingSafeEqual(digest(expected), digest(typed.trim()));
}

export interface FirstAdminForm {
  token: string;
  email: string;
  nameBn: string;
  nameEn: string;
  password: string;
  passwordAgain: string;
}

/** Makes the first system administrator; the token then stops working. Field errors name the field. */
export async function createFirstAdmin(db: Kysely<DB>, dataDir: string, ip: string, form: FirstAdminForm): Promise<UserRow> {
  if (!(await setupIsOpen(db))) throw new AccountsError('setup_closed');
  if (!(await tokenMatches(dataDir, form.token))) throw new AccountsError('invalid_setup_token', undefined, 'token');
  const email = normaliseEmail(form.email);
  const nameBn = form.nameBn.trim();
  if (!nameBn) throw new AccountsError('name_required', undefined, 'name_bn');
  checkNewPassword(form.password);
  if (form.password !== form.passwordAgain) throw new AccountsError('password_mismatch', undefined, 'password_again');
  // hashed before the transaction: it takes a noticeable moment, and the embedded database has one connection
  const passwordHash = await hashPassword(form.password);
  const actor: Actor = { userId: null, label: 'setup-token', ip };
  const user = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SETUP_LOCK})`.execute(trx);
    if ((await countSystemAdmins(trx)) > 0) throw new AccountsError('setup_closed');
    const created = await insertUser(trx, { email, name_bn: nameBn, name_en: form.nameEn.trim() || null, password_hash: passwordHash, status: 'active' });
    await insertGrant(trx, created.id, { role: 'system_admin' });
    const { id, ...after } = created;
    await recordAudit(trx, { actor, action: 'accounts.user.create', subject: { type: 'user', id }, before: null, after });
    await recordAudit(trx, { actor, action: 'accounts.role.grant', subject: { type: 'user', id }, before: null, after: { email, role: 'system_admin' } });
    return created;
  });
  await rm(setupTokenPath(dataDir), { force: true });
  return user;
}
