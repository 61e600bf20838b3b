// The command table and how a command's outcome is told: errors end as one line on stderr,
// exit 2 for a wrong command line (with the command's usage), 1 for anything else.
import { auditList } from './audit-list.ts';
import { auditVerify } from './audit-verify.ts';
import { charterExport } from './charter-export.ts';
import { charterImport } from './charter-import.ts';
import { charterSchema } from './charter-schema.ts';
import { calendarChanges } from './calendar-changes.ts';
import { calendarAdd, calendarAddWorkingDay, calendarMove, calendarRemove, calendarRemoveWorkingDay } from './calendar-edit.ts';
import { calendarExportIcs, calendarImportIcs } from './calendar-ics.ts';
import { calendarList } from './calendar-list.ts';
import { calendarOfficeHours } from './calendar-office-hours.ts';
import { CliUsageError, type Command } from './command.ts';
import { describeError } from './describe-error.ts';
import { slaDue } from './sla-due.ts';
import { usersCreate, usersCreateAdmin, usersGrant, usersResetTwoFactor, usersToken } from './users.ts';

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
  'audit verify': auditVerify,
  'audit list': auditList,
  'users create-admin': usersCreateAdmin,
  'users create': usersCreate,
  'users grant': usersGrant,
  'users token': usersToken,
  'users reset-2fa': usersResetTwoFactor,
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
