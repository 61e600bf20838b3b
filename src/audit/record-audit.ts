// Writing to the audit log inside the caller's transaction, checking the whole log, and
// listing it. One writer at a time appends (an advisory lock held to commit), so the chain
// never forks, however many instances share the database.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { asJson, GENESIS_HASH, hashAuditRow, verifyChain, type AuditContent } from './audit-chain.ts';
import { findLastAuditLink, insertAuditRow, readAuditBatch, selectAuditRows, type AuditListQuery, type AuditRow } from './audit-repository.ts';

// Any fixed number, distinct from the other advisory locks (migrations, calendar).
export const AUDIT_LOCK = 28_061_984;

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export interface AuditEntry {
  actor: Actor;
  /** what was done, `<feature>.<thing>.<verb>`: 'calendar.holiday.add', 'charter.publish', 'user.create' */
  action: string;
  officeId?: number | null | undefined;
  /** what it was done to: ('holiday', 41), ('user', 7) */
  subject?: { type: string; id: string | number } | null | undefined;
  /** the subject before and after the change, as JSON (null: it did not exist / no longer exists) */
  before?: unknown;
  after?: unknown;
}

export interface RecordedAudit {
  id: number;
  at: Date;
  hash: string;
}

/**
 * Appends one row for `entry`, inside `trx`: the change and its record commit or roll back
 * together. Call it as the transaction's last write: it holds the log's lock until commit,
 * so every other audited change waits for this transaction to end.
 */
export async function recordAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<RecordedAudit> {
  if (!ACTION.test(entry.action)) throw new Error(`audit action ${JSON.stringify(entry.action)} is not <feature>.<verb>`);
  if (!entry.actor.label.trim()) throw new Error('an audit entry needs an actor label');
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await findLastAuditLink(trx);
  const content: AuditContent = {
    // milliseconds, as the hash sees it; timestamptz keeps microseconds, so it stores this exactly
    at: new Date(),
    actor_user_id: entry.actor.userId,
    actor_label: entry.actor.label,
    ip: entry.actor.ip,
    action: entry.action,
    office_id: entry.officeId ?? null,
    subject_type: entry.subject ? entry.subject.type : null,
    subject_id: entry.subject ? String(entry.subject.id) : null,
    // stored and hashed as the JSON that jsonb gives back (Dates as strings, undefined dropped)
    before: asJson(entry.before),
    after: asJson(entry.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashAuditRow(prevHash, content);
  const id = await insertAuditRow(trx, { ...content, prev_hash: prevHash, hash });
  return { id, at: content.at, hash };
}

export type AuditVerification =
  | { ok: true; rows: number; lastId: number | null; lastHash: string }
  | { ok: false; rows: number; brokenId: number; reason: string };

/** A row's id and hash noted down earlier, outside the database (the end of an earlier `audit verify`). */
export interface AuditAnchor {
  id: number;
  hash: string;
}

export interface VerifyOptions {
  /** rows read per query; default 5000 */
  batch?: number | undefined;
  /**
   * The chain alone cannot tell that rows were cut off its end, or that someone able to
   * disable the trigger rewrote every row from the edited one on with fresh hashes: an anchor
   * noted before the tampering can.
   */
  anchor?: AuditAnchor | undefined;
}

function checkAnchor(page: readonly AuditRow[], anchor: AuditAnchor): { brokenId: number; reason: string } | undefined {
  const row = page.find((candidate) => candidate.id === anchor.id);
  if (!row) return { brokenId: anchor.id, reason: 'the anchor row is gone: rows were removed' };
  if (row.hash !== anchor.hash) return { brokenId: anchor.id, reason: `its hash is not the anchor's ${anchor.hash}: the log was rewritten up to here` };
  return undefined;
}

/**
 * Reads the whole log in id order, `batch` rows at a time (it grows to millions of rows), and
 * checks the chain. `rows` counts the rows read, up to and including a broken one. Rows
 * appended while it reads are checked too: each is chained to the one before.
 */
export async function verifyAuditLog(db: Kysely<DB>, options: VerifyOptions = {}): Promise<AuditVerification> {
  const batch = options.batch ?? 5000;
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`batch must be a positive integer, not ${batch}`);
  let anchor = options.anchor;
  let previous: AuditRow | null = null;
  let rows = 0;
  for (;;) {
    const page = await readAuditBatch(db, previous?.id ?? 0, batch);
    const check = verifyChain(page, previous);
    if (!check.ok) {
      return { ok: false, rows: rows + page.findIndex((row) => row.id === check.brokenId) + 1, brokenId: check.brokenId, reason: check.reason };
    }
    const last: AuditRow | undefined = page.at(-1);
    const complete = page.length < batch;
    if (anchor && ((last && last.id >= anchor.id) || complete)) {
      const broken = checkAnchor(page, anchor);
      if (broken) return { ok: false, rows: rows + page.length, ...broken };
      anchor = undefined;
    }
    rows += page.length;
    previous = last ?? previous;
    if (complete) return { ok: true, rows, lastId: previous?.id ?? null, lastHash: previous?.hash ?? GENESIS_HASH };
  }
}

/** Rows for people to read, newest first; `before` (an id) pages back. */
export async function listAudit(db: Kysely<DB>, query: AuditListQuery): Promise<AuditRow[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new Error(`limit must be a positive integer, not ${query.limit}`);
  return selectAuditRows(db, query);
}
