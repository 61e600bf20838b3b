// charter export <office-slug> [--version N]: the canonical JSON of a charter version
import { exportCharter } from '../charters/index.ts';
import { CliUsageError, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

export const charterExport: Command = {
  usage: 'charter export <office-slug> [--version N]   (default: the published version)',
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { version: { type: 'string' } }, ['<office-slug>']);
    const slug = positionals[0] ?? '';
    const versionNo = values.version === undefined ? undefined : Number(values.version);
    if (versionNo !== undefined && !(Number.isInteger(versionNo) && versionNo > 0)) {
      throw new CliUsageError('--version takes a positive whole number');
    }
    printJson(await withDatabase(({ db }) => exportCharter(db, slug, versionNo)));
    return 0;
  },
};
