// calendar add | move | remove | add-working-day | remove-working-day: run-time edits of the
// calendar; each recomputes the open deadlines it governs and is recorded with who made it.
import type { ChangeOutcome } from '../calendar/index.ts';
import {
  addHoliday,
  addSpecialWorkingDay,
  CalendarError,
  moveHoliday,
  removeHoliday,
  removeSpecialWorkingDay,
} from '../calendar/index.ts';
import { isIsoDate } from '../calendar/index.ts';
import { CliUsageError, cliActor, idOption, officeIdOf, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

const KINDS = ['general', 'executive_order', 'optional', 'local_closure'] as const;

function dateOption(value: string | undefined, name = '--date'): string {
  if (!value) throw new CliUsageError(`${name} YYYY-MM-DD is needed`);
  if (!isIsoDate(value)) throw new CalendarError('invalid_date', value, name.replace(/^--/, ''));
  return value;
}

function report(outcome: ChangeOutcome<{ id: number; date: string; name_bn: string }>, verb: string, json: boolean): number {
  if (json) {
    printJson({ change_id: outcome.changeId, ...outcome.result, moved: outcome.moved });
  } else {
    const { id, date, name_bn } = outcome.result;
    process.stdout.write(`${verb} #${id} ${date} ${name_bn}. Open deadlines moved: ${outcome.moved.length}.\n`);
    for (const m of outcome.moved) process.stdout.write(`  ${m.subject}: ${m.from ?? '-'} → ${m.to ?? '-'}\n`);
  }
  return 0;
}

export const calendarAdd: Command = {
  usage:
    'calendar add --date YYYY-MM-DD --name-bn <name> [--name-en <name>] [--kind general|executive_order|optional|local_closure] [--office <slug>] [--moon] [--unconfirmed] [--source <text>] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      date: { type: 'string' },
      'name-bn': { type: 'string' },
      'name-en': { type: 'string' },
      kind: { type: 'string' },
      office: { type: 'string' },
      moon: { type: 'boolean', default: false },
      unconfirmed: { type: 'boolean', default: false },
      source: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const date = dateOption(values.date);
    if (!values['name-bn']?.trim()) throw new CliUsageError('--name-bn is needed');
    const kind = values.kind;
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw new CliUsageError(`--kind is one of ${KINDS.join(', ')}`);
    return withDatabase(async ({ db }) =>
      report(
        await addHoliday(db, cliActor(), {
          date,
          name_bn: values['name-bn']?.trim() ?? '',
          name_en: values['name-en']?.trim() || null,
          kind: kind as (typeof KINDS)[number] | undefined,
          moon_dependent: values.moon,
          confirmed: !values.unconfirmed,
          source: values.source?.trim() || null,
          office_id: await officeIdOf(db, values.office),
        }),
        'Added holiday',
        values.json,
      ),
    );
  },
};

export const calendarMove: Command = {
  usage: 'calendar move --id N --to YYYY-MM-DD [--json]   (e.g. when the moon moves Eid)',
  async run(args) {
    const { values } = parseCommandArgs(args, { id: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } });
    const id = idOption(values.id);
    const to = dateOption(values.to, '--to');
    return withDatabase(async ({ db }) => report(await moveHoliday(db, cliActor(), id, to), 'Moved holiday', values.json));
  },
};

export const calendarRemove: Command = {
  usage: 'calendar remove --id N [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, { id: { type: 'string' }, json: { type: 'boolean', default: false } });
    const id = idOption(values.id);
    return withDatabase(async ({ db }) => report(await removeHoliday(db, cliActor(), id), 'Removed holiday', values.json));
  },
};

export const calendarAddWorkingDay: Command = {
  usage: 'calendar add-working-day --date YYYY-MM-DD --name-bn <reason> [--name-en <reason>] [--office <slug>] [--source <text>] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      date: { type: 'string' },
      'name-bn': { type: 'string' },
      'name-en': { type: 'string' },
      office: { type: 'string' },
      source: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const date = dateOption(values.date);
    if (!values['name-bn']?.trim()) throw new CliUsageError('--name-bn is needed');
    return withDatabase(async ({ db }) =>
      report(
        await addSpecialWorkingDay(db, cliActor(), {
          date,
          name_bn: values['name-bn']?.trim() ?? '',
          name_en: values['name-en']?.trim() || null,
          source: values.source?.trim() || null,
          office_id: await officeIdOf(db, values.office),
        }),
        'Added special working day',
        values.json,
      ),
    );
  },
};

export const calendarRemoveWorkingDay: Command = {
  usage: 'calendar remove-working-day --id N [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, { id: { type: 'string' }, json: { type: 'boolean', default: false } });
    const id = idOption(values.id);
    return withDatabase(async ({ db }) => report(await removeSpecialWorkingDay(db, cliActor(), id), 'Removed special working day', values.json));
  },
};
