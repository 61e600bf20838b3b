// audit verify [--anchor <id>:<hash>] [--json]: walks the whole audit log and checks its hash
// chain; exit 0 when it is intact, 1 naming the first broken row.
import { verifyAuditLog, type AuditAnchor } from '../audit/index.ts';
import { CliUsageError, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

function anchorOption(value: string | undefined): AuditAnchor | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,18}):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new CliUsageError('--anchor takes <id>:<hash> as printed by an earlier `audit verify`');
  return { id: Number(match[1]), hash: match[2] ?? '' };
}

export const auditVerify: Command = {
  usage: 'audit verify [--anchor <id>:<hash>] [--json]   (exit 0: intact; 1: names the first broken row)',
  async run(args) {
    const { values } = parseCommandArgs(args, { anchor: { type: 'string' }, json: { type: 'boolean', default: false } });
    const anchor = anchorOption(values.anchor);
    const result = await withDatabase(({ db }) => verifyAuditLog(db, { anchor }));
    if (values.json) {
      printJson(
        result.ok
          ? { ok: true, rows: result.rows, last_id: result.lastId, last_hash: result.lastHash }
          : { ok: false, rows: result.rows, broken_id: result.brokenId, reason: result.reason },
      );
    } else if (result.ok) {
      process.stdout.write(`Audit log intact: ${result.rows} rows.\n`);
      if (result.lastId !== null) {
        process.stdout.write(`Last row: ${result.lastId}:${result.lastHash} (keep it elsewhere; --anchor with it later also finds rows cut off the end)\n`);
      }
    } else {
      process.stderr.write(`Audit log broken at row ${result.brokenId}: ${result.reason}\n`);
    }
    return result.ok ? 0 : 1;
  },
};
