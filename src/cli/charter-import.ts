// charter import <file> [--dry-run] [--json] [--office <slug>] [--publish]
import path from 'node:path';
import { CHARTER_LIMITS, ChartersError, importCharter, readCharter, summariseCharter, summariseWarnings } from '../charters/index.ts';
import { parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';
import { readInputFile } from './input-file.ts';

export const charterImport: Command = {
  usage: 'charter import <file> [--dry-run] [--json] [--office <slug>] [--publish]',
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        office: { type: 'string' },
        publish: { type: 'boolean', default: false },
      },
      ['<file>'],
    );
    const file = positionals[0] ?? '';

    const bytes = await readInputFile(file, CHARTER_LIMITS.bytes, (size) => new ChartersError('input_too_large', `${file}: ${size} bytes`));
    const doc = readCharter(bytes);

    if (values['dry-run']) {
      if (values.json) printJson(doc);
      else process.stdout.write(`${summariseCharter(doc)}\n`);
      return 0;
    }
    const result = await withDatabase(({ db }) =>
      importCharter(db, doc, {
        officeSlug: values.office,
        publish: values.publish,
        sourceName: path.basename(file),
        sourceText: bytes.toString('utf8'),
      }),
    );
    if (values.json) printJson({ ...result, warnings: doc.warnings.length });
    else {
      // the first version of an office has no service changes to report
      const changes = result.identityWarnings.length > 0 ? summariseWarnings('service changes', result.identityWarnings) : [];
      process.stdout.write(
        [
          summariseCharter(doc),
          ...changes,
          `Imported as version ${result.versionNo} (${result.status}) of office ${result.officeSlug}.`,
        ].join('\n') + '\n',
      );
    }
    return 0;
  },
};
