// sla due --from <ISO datetime> --limit "<charter time-limit text>" [--office <slug>] [--json]
import { dueUnderTimeLimit } from '../charters/index.ts';
import { deadlineJson, parseReceivedAt } from '../calendar/index.ts';
import { CliUsageError, officeIdOf, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

export const slaDue: Command = {
  usage: 'sla due --from <ISO datetime, Dhaka time unless it has an offset> --limit "<time limit>" [--office <slug>] [--json]',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      from: { type: 'string' },
      limit: { type: 'string' },
      office: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (!values.from || !values.limit?.trim()) throw new CliUsageError('--from and --limit are both needed');
    const receivedAt = parseReceivedAt(values.from);
    const limit = values.limit;
    const result = await withDatabase(async ({ db }) => dueUnderTimeLimit(db, await officeIdOf(db, values.office), receivedAt, limit));
    const json = deadlineJson(result);
    if (values.json) printJson(json);
    else process.stdout.write(`${json.due_at_dhaka ? `due ${json.due_at_dhaka} (${json.rule})\n` : ''}${json.explanation_en}\n`);
    return 0;
  },
};
