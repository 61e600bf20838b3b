// The command table and how a command's outcome is told: errors end as one line on stderr,
// exit 2 for a wrong command line (with the command's usage), 1 for anything else.
import { ConfigError } from '../core/config.ts';
import { DatabaseInUseError } from '../core/db/data-dir-lock.ts';
import { describeDatabaseError, isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { DomainError } from '../core/errors.ts';
import { t } from '../core/i18n/index.ts';
import { charterExport } from './charter-export.ts';
import { charterImport } from './charter-import.ts';
import { charterSchema } from './charter-schema.ts';
import { calendarChanges } from './calendar-changes.ts';
import { calendarAdd, calendarAddWorkingDay, calendarMove, calendarRemove, calendarRemoveWorkingDay } from './calendar-edit.ts';
import { calendarExportIcs, calendarImportIcs } from './calendar-ics.ts';
import { calendarList } from './calendar-list.ts';
import { calendarOfficeHours } from './calendar-office-hours.ts';
import { CliUsageError, type Command } from './command.ts';
import { CliInputError } from './input-file.ts';
import { slaDue } from './sla-due.ts';

export const commands: Readonly<Record<string, Command>> = {
  'charter import': charterImport,
  'charter export': charterExport,
  'charter schema': charterSchema,
  'sla due': slaDue,
  'calendar list': calendarList,
  'calendar add': calendarAdd,
  'calendar move': calendarMove,
  'calendar remove': calendarRemove,
  'calendar add-working-day': calendarAddWorkingDay,
  'calendar remove-working-day': calendarRemoveWorkingDay,
  'calendar import-ics': calendarImportIcs,
  'calendar export-ics': calendarExportIcs,
  'calendar office-hours': calendarOfficeHours,
  'calendar changes': calendarChanges,
};

function usage(): string {
  return ['Usage: npm run --silent cli -- <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const name = argv.slice(0, 2).join(' ');
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`error: ${error.message}\n\nUsage: npm run --silent cli -- ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
}

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
