// charter schema: prints the JSON Schema of the canonical charter format
import { charterJsonSchema } from '../charters/index.ts';
import { parseCommandArgs, printJson, type Command } from './command.ts';

export const charterSchema: Command = {
  usage: 'charter schema   (JSON Schema of protishruti.charter/v1)',
  async run(args) {
    parseCommandArgs(args, {});
    printJson(charterJsonSchema());
    return 0;
  },
};
