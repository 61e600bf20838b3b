// calendar office-hours --office <slug> [--weekly-holidays 5,6] [--opening 09:00] [--closing 17:00]
import { DEFAULT_CLOSING, DEFAULT_OPENING, DEFAULT_WEEKLY_HOLIDAYS, setOfficeHours } from '../calendar/index.ts';
import { CliUsageError, cliActor, officeIdOf, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

export const calendarOfficeHours: Command = {
  usage:
    'calendar office-hours --office <slug> [--weekly-holidays 5,6 (ISO weekdays, 5 = Friday)] [--opening HH:mm] [--closing HH:mm] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      office: { type: 'string' },
      'weekly-holidays': { type: 'string' },
      opening: { type: 'string' },
      closing: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (!values.office) throw new CliUsageError('--office <slug> is needed');
    const weekly = values['weekly-holidays'];
    const weeklyHolidays = weekly === undefined ? [...DEFAULT_WEEKLY_HOLIDAYS] : weekly.split(',').filter(Boolean).map(Number);
    if (weeklyHolidays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      throw new CliUsageError('--weekly-holidays takes ISO weekdays 1 (Monday) to 7 (Sunday), e.g. 5,6');
    }
    const hours = { weekly_holidays: weeklyHolidays, opening: values.opening ?? DEFAULT_OPENING, closing: values.closing ?? DEFAULT_CLOSING };
    const outcome = await withDatabase(async ({ db }) => setOfficeHours(db, cliActor(), (await officeIdOf(db, values.office)) ?? 0, hours));
    if (values.json) printJson({ change_id: outcome.changeId, ...outcome.result, moved: outcome.moved });
    else process.stdout.write(`Office hours set. Open deadlines moved: ${outcome.moved.length}.\n`);
    return 0;
  },
};
