// calendar changes [--limit N] [--json]: who changed the calendar, what, and which deadlines moved
import { listCalendarChanges } from '../calendar/index.ts';
import { CliUsageError, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

export const calendarChanges: Command = {
  usage: 'calendar changes [--limit N] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, { limit: { type: 'string' }, json: { type: 'boolean', default: false } });
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliUsageError('--limit takes 1 to 1000');
    const changes = await withDatabase(({ db }) => listCalendarChanges(db, limit));
    if (values.json) printJson(changes);
    else {
      for (const c of changes) {
        const moved = (c.moved_clocks as unknown[]).length;
        process.stdout.write(`#${c.id} ${c.changed_at.toISOString()} ${c.actor} ${c.action} ${JSON.stringify(c.detail)} moved:${moved}\n`);
      }
    }
    return 0;
  },
};
