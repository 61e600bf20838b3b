// calendar import-ics <file> [--office <slug>] and calendar export-ics [--year YYYY] [--office <slug>]
import { calendarYearIcs, importIcs } from '../calendar/index.ts';
import { cliActor, officeIdOf, parseCommandArgs, printJson, withDatabase, yearOption, type Command } from './command.ts';
import { CliInputError, readInputFile } from './input-file.ts';

// A year's national holidays fill ~15 KB; this leaves room for decades and every office's closures.
const ICS_MAX_BYTES = 10 * 1024 * 1024;

export const calendarImportIcs: Command = {
  usage: 'calendar import-ics <file.ics> [--office <slug>] [--json]   (holidays already there are skipped)',
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { office: { type: 'string' }, json: { type: 'boolean', default: false } }, ['<file.ics>']);
    const file = positionals[0] ?? '';
    const text = (await readInputFile(file, ICS_MAX_BYTES, (size) => new CliInputError(`${file} is ${size} bytes; an .ics file may be at most ${ICS_MAX_BYTES} (10 MB)`))).toString('utf8');
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
