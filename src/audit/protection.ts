// Whether the database role the app runs as could rewrite the audit log behind the hash chain's
// back: a superuser, or a member of the table's owner role, can disable the append-only trigger.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';

export const APPEND_ONLY_TABLES = ['audit_log'] as const;

export type AuditLogProtection = 'append-only' | 'owner' | 'superuser';

export async function auditLogProtection(db: Kysely<DB>): Promise<AuditLogProtection> {
  const { rows } = await sql<{ superuser: boolean; owner: boolean }>`
    select r.rolsuper as superuser, pg_has_role(current_user, c.relowner, 'MEMBER') as owner
    from pg_roles r, pg_class c
    where r.rolname = current_user and c.oid = 'public.audit_log'::regclass`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('audit_log or the current role was not found');
  return row.superuser ? 'superuser' : row.owner ? 'owner' : 'append-only';
}
