// calendar import-ics <file> [--office <slug>] and calendar export-ics [--year YYYY] [--office <slug>]
import fs from 'node:fs/promises';
import { calendarYearIcs, importIcs } from '../calendar/index.ts';
import { CliUsageError, cliActor, officeIdOf, parseCommandArgs, printJson, withDatabase, yearOption, type Command } from './command.ts';

export const calendarImportIcs: Command = {
  usage: 'calendar import-ics <file.ics> [--office <slug>] [--json]   (holidays already there are skipped)',
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { office: { type: 'string' }, json: { type: 'boolean', default: false } });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliUsageError('give exactly one .ics file');
    const text = await fs.readFile(file, 'utf8');
    return withDatabase(async ({ db }) => {
      const outcome = await importIcs(db, cliActor(), text, await officeIdOf(db, values.office));
      if (values.json) printJson({ change_id: outcome.changeId, ...outcome.result, moved: outcome.moved });
      else {
        process.stdout.write(
          `Imported ${outcome.result.added} holidays (${outcome.result.skipped} already there) and ${outcome.result.addedSpecialWorkingDays} special working days. Open deadlines moved: ${outcome.moved.length}.\n`,
        );
      }
      return 0;
    });
  },
};

export const calendarExportIcs: Command = {
  usage: 'calendar export-ics [--year YYYY] [--office <slug>]   (iCalendar on stdout)',
  async run(args) {
    const { values } = parseCommandArgs(args, { year: { type: 'string' }, office: { type: 'string' } });
    const year = yearOption(values.year);
    process.stdout.write(await withDatabase(async ({ db }) => calendarYearIcs(db, year, await officeIdOf(db, values.office))));
    return 0;
  },
};
