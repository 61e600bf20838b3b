// audit list [--office <slug>] [--action <action>] [--before <id>] [--limit N] [--json]: the
// audit log, newest first.
import { listAudit } from '../audit/index.ts';
import { findOfficeSlug } from '../offices/index.ts';
import { CliUsageError, officeIdOf, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

export const auditList: Command = {
  usage: 'audit list [--office <slug>] [--action <action>] [--before <id>] [--limit N] [--json]   (newest first)',
  async run(args) {
    const { values } = parseCommandArgs(args, {
      office: { type: 'string' },
      action: { type: 'string' },
      before: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliUsageError('--limit takes 1 to 1000');
    const before = values.before === undefined ? undefined : Number(values.before);
    if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) throw new CliUsageError('--before takes a row id');
    return withDatabase(async ({ db }) => {
      const officeId = await officeIdOf(db, values.office);
      const rows = await listAudit(db, { officeId, action: values.action, before, limit });
      const slugs = new Map<number, string | null>();
      for (const id of new Set(rows.flatMap((row) => (row.office_id === null ? [] : [row.office_id])))) slugs.set(id, await findOfficeSlug(db, id));
      const withSlug = rows.map((row) => ({ ...row, office: row.office_id === null ? null : (slugs.get(row.office_id) ?? null) }));
      if (values.json) printJson(withSlug);
      else {
        for (const row of withSlug) {
          const who = row.ip ? `${row.actor_label} (${row.ip})` : row.actor_label;
          const what = row.subject_type ? ` ${row.subject_type}:${row.subject_id ?? ''}` : '';
          const where = row.office ? ` office:${row.office}` : '';
          process.stdout.write(`#${row.id} ${row.at.toISOString()} ${who} ${row.action}${what}${where}\n`);
        }
      }
      return 0;
    });
  },
};
