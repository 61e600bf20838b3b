// Command-line entry: `npm run --silent cli -- <group> <command> …`. Each command is a small
// module calling the same services the web uses (run-cli.ts); this file wires the process.
import { describeError } from './describe-error.ts';
import { runCli } from './run-cli.ts';

// `cli … | head -1`: the reader has gone, so there is no one left to tell anything to.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`error: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(1);
});
// anything that escapes a command (a library's late error) is still one line, never a trace
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  });
}

process.exitCode = await runCli(process.argv.slice(2));
