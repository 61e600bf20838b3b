// The CLI's answer to any error: one line saying what went wrong, never a stack trace.
import { ConfigError } from '../core/config.ts';
import { DatabaseInUseError } from '../core/db/data-dir-lock.ts';
import { describeDatabaseError, isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { DomainError } from '../core/errors.ts';
import { t } from '../core/i18n/index.ts';
import { CliInputError } from './input-file.ts';

/** One line saying what went wrong, never a stack trace: the CLI's answer to any error. */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    const key = error.messageKey;
    const detail = error.detail ? ` (${error.detail})` : '';
    return `error: ${t('en', key)}${detail} / ${t('bn', key)}`;
  }
  if (error instanceof ConfigError || error instanceof DatabaseInUseError) return oneLine(error.message);
  if (error instanceof CliInputError) return `error: ${oneLine(error.message)}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ENOTDIR' || code === 'ELOOP') {
    return `error: cannot read ${(error as { path?: string }).path ?? 'the file'} (${String(code)})`;
  }
  if (isDatabaseUnavailable(error)) {
    const { code: cause, reason } = describeDatabaseError(error);
    return `error: cannot reach the database (${oneLine(reason) || 'no answer'}${cause ? `, ${cause}` : ''}): check that it runs and DATABASE_URL`;
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    // the database's own refusal (SQLSTATE): a constraint, a permission, a broken schema
    return `error: the database refused: ${oneLine(describeDatabaseError(error).reason)} (SQLSTATE ${code})`;
  }
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  return `error: ${oneLine(error instanceof Error ? error.message || error.name : String(error))}`;
}

/** Messages of other libraries may span lines (pg's DETAIL, PGlite's hints); the CLI's answer is one. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
