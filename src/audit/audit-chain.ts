// The audit log's hash chain, pure: how a row is serialised and hashed, and how a run of rows
// is checked. Each row's hash covers the previous row's hash and the row's own content, so an
// edited row no longer matches its hash and a removed or reordered row breaks the link after it.
import { createHash } from 'node:crypto';

/** The prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, as hashed: every column but id, prev_hash and hash. */
export interface AuditContent {
  at: Date;
  actor_user_id: number | null;
  actor_label: string;
  ip: string | null;
  action: string;
  office_id: number | null;
  subject_type: string | null;
  subject_id: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditChainRow extends AuditContent {
  id: number;
  prev_hash: string;
  hash: string;
}

export type ChainCheck = { ok: true } | { ok: false; brokenId: number; reason: string };

/** A value as JSON sees it (Dates as ISO strings, undefined dropped): what a jsonb column gives back. */
export function asJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value) ?? 'null') as unknown);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * The row's content as one JSON text with every object's keys sorted, so that jsonb, which
 * stores keys in an order of its own, gives back the same text. `at` is an ISO string with
 * milliseconds. A column added to audit_log later must enter this text only when it is not
 * null, so that the rows written before it keep their hashes.
 */
export function canonicalAuditJson(row: AuditContent): string {
  return JSON.stringify(
    sortKeys({
      at: row.at.toISOString(),
      actor_user_id: row.actor_user_id,
      actor_label: row.actor_label,
      ip: row.ip,
      action: row.action,
      office_id: row.office_id,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      before: asJson(row.before),
      after: asJson(row.after),
    }),
  );
}

/** sha256 (hex) over the previous row's hash followed by this row's canonical JSON. */
export function hashAuditRow(prevHash: string, row: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditJson(row)).digest('hex');
}

/**
 * Checks rows in id order, continuing from `previous` (the last row of the batch before, or
 * null at the start of the log). Names the first row that is wrong and why.
 */
export function verifyChain(rows: readonly AuditChainRow[], previous: Pick<AuditChainRow, 'id' | 'hash'> | null = null): ChainCheck {
  let before = previous;
  for (const row of rows) {
    const expectedPrev = before?.hash ?? GENESIS_HASH;
    if (row.prev_hash !== expectedPrev) {
      const reason =
        before === null
          ? 'its prev_hash is not the start of the chain: rows before it were removed'
          : `its prev_hash is not the hash of row ${before.id}: a row between them was removed, or rows were reordered`;
      return { ok: false, brokenId: row.id, reason };
    }
    if (hashAuditRow(row.prev_hash, row) !== row.hash) {
      return { ok: false, brokenId: row.id, reason: 'its content does not match its hash: the row was changed after it was written' };
    }
    before = row;
  }
  return { ok: true };
}
