// What other features (and the CLI) may use of the audit log: append a row inside a
// transaction, check the whole chain, list rows.
export { GENESIS_HASH, type AuditContent } from './audit-chain.ts';
export type { AuditListQuery, AuditRow } from './audit-repository.ts';
export {
  listAudit,
  recordAudit,
  verifyAuditLog,
  type AuditAnchor,
  type AuditEntry,
  type AuditVerification,
  type RecordedAudit,
  type VerifyOptions,
} from './record-audit.ts';
export { APPEND_ONLY_TABLES, auditLogProtection, type AuditLogProtection } from './protection.ts';
