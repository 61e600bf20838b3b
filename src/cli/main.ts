// Command-line entry: `npm run --silent cli -- <group> <command> …`. Each command is a small
// module calling the same services the web uses. Errors end as one line on stderr.
import { ConfigError } from '../core/config.ts';
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
import { slaDue } from './sla-due.ts';

const commands: Record<string, Command> = {
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
  const command = commands[name];
  if (!command) {
    process.stderr.write(`${argv.length ? `Unknown command: ${name}\n\n` : ''}${usage()}\n`);
    return argv.length ? 2 : 0;
  }
  try {
    return await command.run(argv.slice(2));
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    return error instanceof CliUsageError ? 2 : 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    const key = error.messageKey;
    const detail = error.detail ? ` (${error.detail})` : '';
    return `error: ${t('en', key)}${detail} / ${t('bn', key)}`;
  }
  if (error instanceof CliUsageError) return `error: ${error.message}\n\n${usage()}`;
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    return `error: cannot read ${(error as { path?: string }).path ?? 'the file'} (${String(code)})`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

process.exitCode = await runCli(process.argv.slice(2));
