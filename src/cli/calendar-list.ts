// calendar list [--year YYYY] [--office <slug>] [--json]
import { calendarYear } from '../calendar/index.ts';
import { officeIdOf, parseCommandArgs, printJson, withDatabase, yearOption, type Command } from './command.ts';

export const calendarList: Command = {
  usage: 'calendar list [--year YYYY] [--office <slug>] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      year: { type: 'string' },
      office: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const year = yearOption(values.year);
    const calendar = await withDatabase(async ({ db }) => calendarYear(db, year, await officeIdOf(db, values.office)));
    if (values.json) {
      printJson({ year, holidays: calendar.holidays, special_working_days: calendar.specialWorkingDays });
      return 0;
    }
    const lines = calendar.holidays.map(
      (h) =>
        `#${String(h.id).padEnd(5)} ${h.date}  ${h.kind.padEnd(15)} ${h.name_bn} / ${h.name_en ?? ''}${h.confirmed ? '' : '  (unconfirmed)'}`,
    );
    const special = calendar.specialWorkingDays.map((d) => `#${String(d.id).padEnd(5)} ${d.date}  working day     ${d.name_bn}`);
    process.stdout.write(`${[`Holidays ${year}: ${calendar.holidays.length}`, ...lines, ...special].join('\n')}\n`);
    return 0;
  },
};
